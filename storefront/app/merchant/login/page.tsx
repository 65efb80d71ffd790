"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useState, type FormEvent } from "react"
import { ApiErrorBox, Field, useHydrated } from "@/components/merchant/ui"
import { useI18n } from "@/lib/i18n-context"
import { merchantLogin } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

export default function MerchantLoginPage() {
  const { t } = useI18n()
  const router = useRouter()
  const { setToken } = useMerchantSession()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const hydrated = useHydrated()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [expired, setExpired] = useState(false)

  // Read on the client only (no useSearchParams: keeps the page statically renderable).
  useEffect(() => {
    setExpired(new URLSearchParams(window.location.search).has("expired"))
  }, [])

  async function onSubmit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setToken(await merchantLogin(email.trim(), password))
      router.push("/merchant")
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <section className="portal-narrow">
      <h1>{t("portal.login.heading")}</h1>
      {expired && !error && <p className="alert" data-testid="merchant-session-expired">{t("portal.sessionExpired")}</p>}
      <form className="form" method="post" onSubmit={onSubmit} data-testid="merchant-login-form">
        {/* Disabled until hydrated: typing into the server-rendered inputs would be lost. */}
        <fieldset className="bare" disabled={!hydrated}>
          <Field label={t("portal.email")} name="email">
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="merchant-login-email"
            />
          </Field>
          <Field label={t("portal.password")} name="password">
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="merchant-login-password"
            />
          </Field>
        </fieldset>
        <ApiErrorBox error={error} testId="merchant-login-error" />
        <button type="submit" className="button primary" disabled={busy || !hydrated} data-testid="merchant-login-submit">
          {busy ? t("portal.login.busy") : t("portal.login.submit")}
        </button>
      </form>
      <p className="muted">
        {t("portal.login.noAccount")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
      </p>
    </section>
  )
}
