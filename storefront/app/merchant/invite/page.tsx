"use client"

import { useRouter, useSearchParams } from "next/navigation"
import { Suspense, useState, type FormEvent } from "react"
import { ApiErrorBox, Field, useHydrated } from "@/components/merchant/ui"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { merchantApi, merchantLogin, registerOrLogin } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

function AcceptInvite() {
  const { t } = useI18n()
  const router = useRouter()
  const inviteToken = useSearchParams().get("token") ?? ""
  const { setToken } = useMerchantSession()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const hydrated = useHydrated()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function onSubmit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const account = email.trim()
      const identityToken = await registerOrLogin(account, password)
      await merchantApi.acceptInvite(identityToken, inviteToken)
      // Only a fresh token carries the new merchant user.
      setToken(await merchantLogin(account, password))
      router.push("/merchant")
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <section className="portal-narrow">
      <h1>{t("portal.accept.heading")}</h1>
      {!inviteToken ? (
        <p className="alert" role="alert" data-testid="merchant-invite-missing">{t("portal.accept.noToken")}</p>
      ) : (
        <form className="form" method="post" onSubmit={onSubmit} data-testid="merchant-accept-form">
          <p className="muted">{t("portal.accept.intro")}</p>
          <fieldset className="bare" disabled={!hydrated}>
            <Field label={t("portal.email")} name="email" error={error}>
              <input type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="merchant-accept-email" />
            </Field>
            <Field label={t("portal.password")} name="password" error={error}>
              <input type="password" required autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="merchant-accept-password" />
            </Field>
          </fieldset>
          <ApiErrorBox error={error} testId="merchant-accept-error" />
          <button type="submit" className="button primary" disabled={busy || !hydrated} data-testid="merchant-accept-submit">
            {busy ? t("portal.accept.busy") : t("portal.accept.submit")}
          </button>
        </form>
      )}
    </section>
  )
}

export default function AcceptInvitePage() {
  // useSearchParams needs a Suspense boundary for the static build.
  return (
    <Suspense fallback={<Loading />}>
      <AcceptInvite />
    </Suspense>
  )
}
