"use client"

import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { Header } from "@/components/Header"
import { I18nProvider, useI18n } from "@/lib/i18n-context"
import type { Locale } from "@/lib/i18n"
import { CustomerSessionProvider } from "@/lib/customer-session"
import { sdk } from "@/lib/sdk"
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

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  // One client per browser session (not module-level: avoids sharing between SSR requests).
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } })
  )
  return (
    <I18nProvider initialLocale={locale}>
      {sdk ? (
        <QueryClientProvider client={queryClient}>
          <StoreProvider>
            <CustomerSessionProvider>
              <Header />
              <main className="container">{children}</main>
            </CustomerSessionProvider>
          </StoreProvider>
        </QueryClientProvider>
      ) : (
        <MissingConfig />
      )}
    </I18nProvider>
  )
}
