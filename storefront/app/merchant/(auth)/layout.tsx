"use client"

import { Heading } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { LOCALE_META, LOCALES, type Locale } from "@/lib/i18n"

/** Sign in, apply and accept an invite: one card in the middle, the language beside it. */
export default function MerchantAuthLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useDashboardI18n()
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-10">
      <div className="mb-6 flex w-full max-w-[560px] items-center justify-between gap-4">
        <Heading level="h2">{t("dash.title")}</Heading>
        <select
          aria-label={t("dash.language")}
          className="bg-ui-bg-field border-ui-border-base rounded-md border px-2 py-1 txt-compact-small"
          value={locale}
          data-testid="dash-language"
          onChange={(e) => setLocale(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>{LOCALE_META[l].name}</option>
          ))}
        </select>
      </div>
      <div className="bg-ui-bg-base shadow-elevation-card-rest legacy-portal w-full max-w-[560px] rounded-lg px-6 py-6">{children}</div>
    </div>
  )
}
