"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { AccountFields, FormActions, useCredentials, useMerchantForm } from "@/components/merchant/AccountForm"
import { useI18n } from "@/lib/i18n-context"
import { merchantLogin } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

export default function MerchantLoginPage() {
  const { t } = useI18n()
  const router = useRouter()
  const { setToken } = useMerchantSession()
  const credentials = useCredentials()
  const { email, password } = credentials
  const [expired, setExpired] = useState(false)

  // Read on the client only (no useSearchParams: keeps the page statically renderable).
  useEffect(() => {
    setExpired(new URLSearchParams(window.location.search).has("expired"))
  }, [])

  const form = useMerchantForm(
    async () => {
      setToken(await merchantLogin(email.trim(), password))
      router.push("/merchant")
    },
    { keepBusyOnSuccess: true }
  )

  return (
    <section className="portal-narrow">
      <h1>{t("portal.login.heading")}</h1>
      {expired && !form.error && <p className="alert" data-testid="merchant-session-expired">{t("portal.sessionExpired")}</p>}
      <form className="form" method="post" onSubmit={form.onSubmit} data-testid="merchant-login-form">
        {/* Disabled until hydrated: typing into the server-rendered inputs would be lost. */}
        <fieldset className="bare" disabled={!form.hydrated}>
          <AccountFields
            testIdPrefix="merchant-login"
            credentials={credentials}
            passwordAutoComplete="current-password"
          />
        </fieldset>
        <FormActions form={form} testIdPrefix="merchant-login" label={t("portal.login.submit")} busyLabel={t("portal.login.busy")} />
      </form>
      <p className="muted">
        {t("portal.login.noAccount")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
      </p>
    </section>
  )
}
