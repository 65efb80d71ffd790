"use client"

import { Suspense } from "react"
import { ResetPasswordForm } from "@/components/account/ResetPasswordForm"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"

/** Where the buyer's password-reset e-mail points (docs/notifications.md, PASSWORD_RESET). */
export default function ResetPasswordPage() {
  const { t } = useI18n()
  return (
    <section className="portal-narrow">
      <h1>{t("reset.heading")}</h1>
      {/* useSearchParams needs a Suspense boundary for the static build. */}
      <Suspense fallback={<Loading />}>
        <ResetPasswordForm actor="customer" loginHref="/account/login" />
      </Suspense>
    </section>
  )
}
