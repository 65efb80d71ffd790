"use client"

import { Button, Text } from "@medusajs/ui"
import { useRouter } from "next/navigation"
import { useEffect, type ReactNode } from "react"
import { DashboardProvider, SECTIONS, type Section } from "@/components/dashboard/context"
import { ErrorNotice, Loading } from "@/components/dashboard/parts"
import { DashboardShell } from "@/components/dashboard/Shell"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { isApiError, merchantApi, tokenActorId } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

function NoShop() {
  const { t } = useDashboardI18n()
  return (
    <div className="flex min-h-screen items-center justify-center px-4" data-testid="merchant-no-shop">
      <div className="bg-ui-bg-base shadow-elevation-card-rest flex max-w-md flex-col gap-3 rounded-lg p-6">
        <Text>{t("portal.noMerchant")}</Text>
        <a href="/merchant/apply"><Button variant="primary" size="small">{t("portal.nav.apply")}</Button></a>
      </div>
    </div>
  )
}

/**
 * The signed-in part of the dashboard: sends the signed-out to sign in, loads the merchant and the
 * role's sections once (GET /merchant/me) for every page, and frames the page in the shell.
 */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  const router = useRouter()
  const { hydrated, token } = useMerchantSession()
  // A registered identity that has not applied (or joined by invite) yet has no actor.
  const hasActor = !!token && tokenActorId(token) !== ""
  const me = useMerchantQuery("me", merchantApi.me, hasActor)

  useEffect(() => {
    if (hydrated && !token) router.replace("/merchant/login")
  }, [hydrated, token, router])

  if (!hydrated || !token) return <div className="p-8"><Loading /></div>
  if (!hasActor) return <NoShop />
  if (me.error) {
    if (isApiError(me.error) && me.error.status === 401) return <div className="p-8"><Loading /></div>
    return (
      <div className="flex flex-col gap-3 p-8" data-testid="merchant-dashboard-error">
        <ErrorNotice error={me.error} />
        <NoShop />
      </div>
    )
  }
  if (!me.data) return <div className="p-8"><Loading /></div>
  const { merchant, merchant_user, sections } = me.data
  if (!merchant) return <NoShop />
  // Before approval only Home (where the application's state is) answers; the server refuses the rest.
  const allowed: readonly Section[] = merchant.kyc_status !== "APPROVED" ? ["home"] : ((sections as Section[] | undefined) ?? SECTIONS)
  return (
    <DashboardProvider value={{ token, merchant, merchantUser: merchant_user, sections: allowed }}>
      <DashboardShell>{children}</DashboardShell>
    </DashboardProvider>
  )
}
