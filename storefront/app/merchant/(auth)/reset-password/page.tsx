"use client"

import { Suspense } from "react"
import { ResetPasswordForm } from "@/components/account/ResetPasswordForm"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"

/** Where merchant staff's password-reset e-mail points (docs/notifications.md, PASSWORD_RESET). */
export default function MerchantResetPasswordPage() {
  const { t } = useI18n()
  return (
    <section className="portal-narrow">
      <h1>{t("reset.heading")}</h1>
      <Suspense fallback={<Loading />}>
        <ResetPasswordForm actor="merchant" loginHref="/merchant/login" />
      </Suspense>
    </section>
  )
}
