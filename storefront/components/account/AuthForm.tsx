"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useState, type FormEvent } from "react"
import { useHydrated } from "@/components/merchant/ui"
import { useCustomer } from "@/lib/customer-session"
import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"
import { statusOf } from "@/lib/orders"

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(raw: string | null): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/account/orders"
}

/** Buyer sign-in (`mode="login"`) or registration (`mode="register"`). */
export function AuthForm({ mode }: { mode: "login" | "register" }) {
  const { t, locale } = useI18n()
  const router = useRouter()
  const { login, register } = useCustomer()
  const hydrated = useHydrated()
  const [next, setNext] = useState("/account/orders")
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [firstName, setFirstName] = useState("")
  const [lastName, setLastName] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Read on the client only (no useSearchParams: keeps the page statically renderable).
  useEffect(() => {
    setNext(safeNext(new URLSearchParams(window.location.search).get("next")))
  }, [])

  async function onSubmit(e: FormEvent) {
    e.preventDefault()
    setError(null)
    if (mode === "register" && password.length < 8) {
      setError(t("account.error.passwordShort"))
      return
    }
    setBusy(true)
    try {
      if (mode === "login") await login(email.trim(), password)
      else await register({ email: email.trim(), password, first_name: firstName.trim(), last_name: lastName.trim() })
      router.push(next)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (mode === "register" && /exist/i.test(message)) setError(t("account.error.exists"))
      else if (mode === "login" && (statusOf(err) === 401 || /invalid email or password/i.test(message)))
        setError(t("account.error.invalidCredentials"))
      else setError(describeError(locale, err))
      setBusy(false)
    }
  }

  const nextQuery = next !== "/account/orders" ? `?next=${encodeURIComponent(next)}` : ""
  return (
    <section className="portal-narrow">
      <h1>{t(mode === "login" ? "account.login.heading" : "account.register.heading")}</h1>
      <form className="form" method="post" onSubmit={onSubmit} data-testid={`account-${mode}-form`}>
        {/* Disabled until hydrated: typing into the server-rendered inputs would be lost. */}
        <fieldset className="bare" disabled={!hydrated || busy}>
          {mode === "register" && (
            <div className="form-row">
              <label className="field">
                <span>{t("account.firstName")}</span>
                <input name="first_name" autoComplete="given-name" required value={firstName} onChange={(e) => setFirstName(e.target.value)} data-testid="account-first-name" />
              </label>
              <label className="field">
                <span>{t("account.lastName")}</span>
                <input name="last_name" autoComplete="family-name" required value={lastName} onChange={(e) => setLastName(e.target.value)} data-testid="account-last-name" />
              </label>
            </div>
          )}
          <label className="field">
            <span>{t("account.email")}</span>
            <input type="email" name="email" autoComplete="username" required dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="account-email-input" />
          </label>
          <label className="field">
            <span>{t("account.password")}</span>
            <input
              type="password"
              name="password"
              autoComplete={mode === "login" ? "current-password" : "new-password"}
              required
              minLength={mode === "register" ? 8 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="account-password-input"
            />
            {mode === "register" && <small className="muted">{t("account.passwordHint")}</small>}
          </label>
        </fieldset>
        {error && (
          <p className="alert" role="alert" data-testid="account-error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy || !hydrated} data-testid="account-submit">
          {mode === "login"
            ? t(busy ? "account.login.busy" : "account.login.submit")
            : t(busy ? "account.register.busy" : "account.register.submit")}
        </button>
      </form>
      <p className="muted">
        {mode === "login" ? (
          <>
            {t("account.login.noAccount")}{" "}
            <Link href={`/account/register${nextQuery}`} data-testid="register-link">{t("account.register.heading")}</Link>
          </>
        ) : (
          <>
            {t("account.register.haveAccount")}{" "}
            <Link href={`/account/login${nextQuery}`} data-testid="login-link">{t("account.login.heading")}</Link>
          </>
        )}
      </p>
    </section>
  )
}
