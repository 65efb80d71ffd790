"use client"

import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { usePathname } from "next/navigation"
import { useState, type ReactNode } from "react"
import { Header } from "@/components/Header"
import { I18nProvider, useI18n } from "@/lib/i18n-context"
import type { Locale } from "@/lib/i18n"
import { CustomerSessionProvider } from "@/lib/customer-session"
import { getSdk, type Region } from "@/lib/sdk"
import { adoptPublicConfig, type PublicConfig } from "@/lib/public-config"
import { StoreProvider } from "@/lib/store-context"

function MissingConfig() {
  const { t } = useI18n()
  return (
    <main className="container">
      <p className="alert" role="alert" data-testid="config-error">
        {t("config.missingKey")}
      </p>
    </main>
  )
}

/**
 * The seller's dashboard (/merchant, not the public /merchants pages) has its own layout and none
 * of the buyer's chrome (region, cart, the buyer's sign-in). Decided here rather than by moving
 * every buyer page into a route group with its own root layout: docs/merchant-dashboard.md.
 */
function isDashboard(pathname: string | null) {
  return pathname === "/merchant" || !!pathname?.startsWith("/merchant/")
}

export function Providers({
  locale,
  initialRegions,
  initialRegionId,
  publicConfig,
  children,
}: {
  locale: Locale
  initialRegions?: Region[]
  initialRegionId?: string | null
  /** Run-time settings from the server (lib/public-config.ts), adopted before anything below renders. */
  publicConfig?: PublicConfig
  children: ReactNode
}) {
  adoptPublicConfig(publicConfig)
  const pathname = usePathname()
  // One client per browser session (not module-level: avoids sharing between SSR requests).
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } })
  )
  return (
    <I18nProvider initialLocale={locale}>
      {getSdk() ? (
        <QueryClientProvider client={queryClient}>
          <StoreProvider initialRegions={initialRegions} initialRegionId={initialRegionId}>
            <CustomerSessionProvider>
              {isDashboard(pathname) ? (
                children
              ) : (
                <>
                  <Header />
                  <main className="container">{children}</main>
                </>
              )}
            </CustomerSessionProvider>
          </StoreProvider>
        </QueryClientProvider>
      ) : (
        <MissingConfig />
      )}
    </I18nProvider>
  )
}
