"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect } from "react"
import { BookingsSection } from "@/components/merchant/Bookings"
import { OrdersSection } from "@/components/merchant/Orders"
import { ProductsSection } from "@/components/merchant/Products"
import { SchedulesSection } from "@/components/merchant/Schedules"
import { StaffSection } from "@/components/merchant/Staff"
import { ApiErrorBox } from "@/components/merchant/ui"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { isApiError, KYC_STATUSES, merchantApi, tokenActorId, type Merchant } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

function StatusBanner({ merchant }: { merchant: Merchant }) {
  const { t } = useI18n()
  const status = merchant.kyc_status
  const known = (KYC_STATUSES as readonly string[]).includes(status)
  return (
    <div className={`status-banner status-${status.toLowerCase()}`} role="status" data-testid="merchant-status" data-status={status}>
      <strong className="status-code">{status}</strong>{" "}
      {known && <span>{t(`kyc.${status}`)}</span>}
      {merchant.kyc_reason && status !== "APPROVED" && (
        <p className="status-reason" data-testid="merchant-status-reason" dir="auto">
          {t("kyc.reason", { reason: merchant.kyc_reason })}
        </p>
      )}
    </div>
  )
}

export default function MerchantDashboardPage() {
  const { t } = useI18n()
  const router = useRouter()
  const { hydrated, token } = useMerchantSession()
  // A registered identity that has not applied (or joined by invite) yet has no actor.
  const hasActor = !!token && tokenActorId(token) !== ""
  const me = useMerchantQuery("me", merchantApi.me, hasActor)

  useEffect(() => {
    if (hydrated && !token) router.replace("/merchant/login")
  }, [hydrated, token, router])

  if (!hydrated || !token) return <Loading />
  if (!hasActor) {
    return (
      <p data-testid="merchant-no-shop">
        {t("portal.noMerchant")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
      </p>
    )
  }
  if (me.error) {
    if (isApiError(me.error) && me.error.status === 401) return <Loading />
    // E.g. a registered identity that never applied (no merchant user yet).
    return (
      <section className="portal-narrow" data-testid="merchant-dashboard-error">
        <ApiErrorBox error={me.error} />
        <p>
          {t("portal.noMerchant")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
        </p>
      </section>
    )
  }
  if (!me.data) return <Loading />

  const { merchant, merchant_user } = me.data
  if (!merchant) {
    return (
      <p data-testid="merchant-no-shop">
        {t("portal.noMerchant")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
      </p>
    )
  }
  const approved = merchant.kyc_status === "APPROVED"

  return (
    <div className="dashboard" data-testid="merchant-dashboard" data-merchant-id={merchant.id}>
      <header className="dashboard-head">
        <h1 data-testid="merchant-name" dir="auto">{merchant.display_name}</h1>
        <p className="muted">
          {t("portal.signedInAs", { email: merchant_user.email, role: t(`role.${merchant_user.role}`) })}
          {approved && (
            <>
              {" · "}
              <Link href={`/merchants/${merchant.handle}`} data-testid="merchant-shop-link">{t("portal.viewShop")}</Link>
            </>
          )}
        </p>
      </header>
      <StatusBanner merchant={merchant} />
      {approved && (
        <>
          <ProductsSection merchant={merchant} />
          <OrdersSection />
          <BookingsSection />
          <SchedulesSection />
          <StaffSection me={merchant_user} />
        </>
      )}
    </div>
  )
}
