"use client"

import { useQuery } from "@tanstack/react-query"
import type { ReactNode } from "react"
import type { ReadinessProblem } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { requireSdk } from "@/lib/sdk"

/** The store's regions (each sells in one currency): the price columns of every product. */
export function useRegions() {
  return useQuery({
    queryKey: ["store", "regions"],
    staleTime: 5 * 60_000,
    queryFn: async () => (await requireSdk().store.region.list({ limit: 50 })).regions.map((r) => ({ id: r.id, name: r.name, currency_code: r.currency_code })),
  })
}

/**
 * A currency in the viewer's words ("евро", "درهم إماراتي"): what a price column is named by, rather
 * than the platform's region name, which is data in the platform's language ("Europe").
 */
export function currencyWords(code: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: "currency" }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

/** One publishing problem in the viewer's words (the reason code never shows). */
export function useReasonWords() {
  const { t, intlLocale } = useDashboardI18n()
  return (p: ReadinessProblem) =>
    t(`cat.reason.${p.reason_code}` as "cat.reason.NO_STOCK", {
      variant: p.variant_title ?? "",
      currency: (p.currency_code ?? "").toUpperCase(),
      region: p.currency_code ? currencyWords(p.currency_code, intlLocale) : p.region_name ?? "",
    })
}

/** A labelled form control in the dashboard's look. */
/** `labelIsData`: the label is the merchant's own word (an option's name), isolated for bidi. */
export function Field({ label, children, hint, htmlFor, labelIsData }: { label: string; children: ReactNode; hint?: string; htmlFor?: string; labelIsData?: boolean }) {
  return (
    <label className="flex flex-col gap-1 txt-compact-small" htmlFor={htmlFor}>
      <span className="text-ui-fg-subtle font-medium" dir={labelIsData ? "auto" : undefined}>{label}</span>
      {children}
      {hint && <span className="text-ui-fg-muted">{hint}</span>}
    </label>
  )
}

/** Native controls (playwright and screen readers handle them as they are) styled like the kit's. */
export const controlClass = "bg-ui-bg-field shadow-borders-base rounded-md px-2 py-1.5 txt-compact-small text-ui-fg-base outline-none focus:shadow-borders-interactive-with-active"

/** "12.50" → 12.5; "" → null; anything else → NaN (refused before sending). Major units, as Medusa takes them. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(",", ".").trim()
  if (!clean) return null
  return /^\d{1,12}(\.\d{1,3})?$/.test(clean) ? Number(clean) : NaN
}
