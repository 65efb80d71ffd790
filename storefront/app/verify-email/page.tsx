"use client"

import { useSearchParams } from "next/navigation"
import { Suspense, useState } from "react"
import { Loading } from "@/components/Status"
import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"
import { BACKEND_URL } from "@/lib/sdk"

/**
 * The e-mail verification link's page (template email-verification). The token is spent by a button,
 * not on load: mail scanners that prefetch links must not use up a single-use token.
 */
function VerifyEmail() {
  const { t, locale } = useI18n()
  const token = useSearchParams().get("token") ?? ""
  const [state, setState] = useState<"idle" | "busy" | "done">("idle")
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    setState("busy")
    setError(null)
    try {
      const res = await fetch(`${BACKEND_URL}/auth/verify-email`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }),
      })
      if (!res.ok) {
        const body = await res.json().catch(() => ({}))
        throw { status: res.status, code: body?.code }
      }
      setState("done")
    } catch (e) {
      setError(describeError(locale, e))
      setState("idle")
    }
  }

  return (
    <section className="portal-narrow">
      <h1>{t("verify.heading")}</h1>
      {!token ? (
        <p className="alert" role="alert" data-testid="verify-email-missing">{t("verify.noToken")}</p>
      ) : state === "done" ? (
        <p role="status" data-testid="verify-email-done">{t("verify.done")}</p>
      ) : (
        <>
          <p className="muted">{t("verify.intro")}</p>
          {error ? <p className="alert" role="alert" data-testid="verify-email-error">{error}</p> : null}
          <button type="button" className="button" onClick={confirm} disabled={state === "busy"} data-testid="verify-email-submit">
            {state === "busy" ? t("verify.busy") : t("verify.submit")}
          </button>
        </>
      )}
    </section>
  )
}

export default function VerifyEmailPage() {
  // useSearchParams needs a Suspense boundary for the static build.
  return (
    <Suspense fallback={<Loading />}>
      <VerifyEmail />
    </Suspense>
  )
}
