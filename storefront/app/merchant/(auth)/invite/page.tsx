"use client"

import { useRouter, useSearchParams } from "next/navigation"
import { Suspense } from "react"
import { AccountFields, FormActions, useCredentials, useMerchantForm } from "@/components/merchant/AccountForm"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { merchantApi, merchantLogin, registerOrLogin } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

function AcceptInvite() {
  const { t } = useI18n()
  const router = useRouter()
  const inviteToken = useSearchParams().get("token") ?? ""
  const { setToken } = useMerchantSession()
  const credentials = useCredentials()
  const { email, password } = credentials
  const form = useMerchantForm(
    async () => {
      const account = email.trim()
      const identityToken = await registerOrLogin(account, password)
      await merchantApi.acceptInvite(identityToken, inviteToken)
      // Only a fresh token carries the new merchant user.
      setToken(await merchantLogin(account, password))
      router.push("/merchant")
    },
    { keepBusyOnSuccess: true }
  )

  return (
    <section className="portal-narrow">
      <h1>{t("portal.accept.heading")}</h1>
      {!inviteToken ? (
        <p className="alert" role="alert" data-testid="merchant-invite-missing">{t("portal.accept.noToken")}</p>
      ) : (
        <form className="form" method="post" onSubmit={form.onSubmit} data-testid="merchant-accept-form">
          <p className="muted">{t("portal.accept.intro")}</p>
          <fieldset className="bare" disabled={!form.hydrated}>
            <AccountFields
              testIdPrefix="merchant-accept"
              credentials={credentials}
              passwordAutoComplete="new-password"
              error={form.error}
            />
          </fieldset>
          <FormActions form={form} testIdPrefix="merchant-accept" label={t("portal.accept.submit")} busyLabel={t("portal.accept.busy")} />
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
