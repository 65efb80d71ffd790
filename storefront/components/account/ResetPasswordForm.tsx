"use client"

import Link from "next/link"
import { useSearchParams } from "next/navigation"
import { type FormEvent, useState } from "react"
import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"
import { BACKEND_URL } from "@/lib/sdk"

/**
 * The password-reset e-mail's page (template password-reset): the token in the link is Medusa's reset
 * token, spent by POST /auth/<actor>/emailpass/update with it as the bearer. Used for buyers
 * (/reset-password) and merchant staff (/merchant/reset-password); the admin has its own page.
 */
export function ResetPasswordForm({ actor, loginHref }: { actor: "customer" | "merchant"; loginHref: string }) {
  const { t, locale } = useI18n()
  const params = useSearchParams()
  const token = params.get("token") ?? ""
  const email = params.get("email") ?? ""
  const [password, setPassword] = useState("")
  const [state, setState] = useState<"idle" | "busy" | "done">("idle")
  const [error, setError] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setState("busy")
    setError(null)
    try {
      const res = await fetch(`${BACKEND_URL}/auth/${actor}/emailpass/update`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ password }),
      })
      if (!res.ok) {
        const body = await res.json().catch(() => ({}))
        throw { status: res.status, code: body?.code }
      }
      setState("done")
    } catch (err) {
      setError(describeError(locale, err))
      setState("idle")
    }
  }

  if (!token) return <p className="alert" role="alert" data-testid="reset-password-missing">{t("reset.noToken")}</p>
  if (state === "done") {
    return (
      <p role="status" data-testid="reset-password-done">
        {t("reset.done")} <Link href={loginHref}>{t("account.login.submit")}</Link>
      </p>
    )
  }
  return (
    <form className="form" method="post" onSubmit={submit} data-testid="reset-password-form">
      <p className="muted">{email ? t("reset.introFor", { email }) : t("reset.intro")}</p>
      <label>
        <span>{t("reset.newPassword")}</span>
        <input type="password" autoComplete="new-password" required minLength={8} value={password}
          onChange={(e) => setPassword(e.target.value)} data-testid="reset-password-input" />
        <small className="muted">{t("account.passwordHint")}</small>
      </label>
      {error ? <p className="alert" role="alert" data-testid="reset-password-error">{error}</p> : null}
      <button type="submit" className="button primary" disabled={state === "busy"} data-testid="reset-password-submit">
        {state === "busy" ? t("reset.busy") : t("reset.submit")}
      </button>
    </form>
  )
}
