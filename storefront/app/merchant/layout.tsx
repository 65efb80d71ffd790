"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import type { ReactNode } from "react"
import { useI18n } from "@/lib/i18n-context"
import { MerchantSessionProvider, useMerchantSession } from "@/lib/merchant-session"

function PortalNav() {
  const { t } = useI18n()
  const { hydrated, token, signOut } = useMerchantSession()
  const router = useRouter()
  return (
    <nav className="portal-nav" aria-label={t("portal.title")}>
      <Link href="/merchant" className="portal-brand">{t("portal.title")}</Link>
      <div className="portal-links">
        {hydrated && token ? (
          <>
            <Link href="/merchant">{t("portal.nav.dashboard")}</Link>
            <Link href="/merchant/money" data-testid="merchant-nav-money">{t("portal.nav.money")}</Link>
            <button
              type="button"
              className="button"
              data-testid="merchant-signout"
              onClick={() => {
                signOut()
                router.push("/merchant/login")
              }}
            >
              {t("portal.signOut")}
            </button>
          </>
        ) : hydrated ? (
          <>
            <Link href="/merchant/login">{t("portal.nav.login")}</Link>
            <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
          </>
        ) : null}
      </div>
    </nav>
  )
}

export default function MerchantPortalLayout({ children }: { children: ReactNode }) {
  return (
    <MerchantSessionProvider>
      <div className="portal" data-testid="merchant-portal">
        <PortalNav />
        {children}
      </div>
    </MerchantSessionProvider>
  )
}
