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

/** One publishing problem in the viewer's words (the reason code never shows). */
export function useReasonWords() {
  const { t } = useDashboardI18n()
  return (p: ReadinessProblem) =>
    t(`cat.reason.${p.reason_code}` as "cat.reason.NO_STOCK", {
      variant: p.variant_title ?? "",
      currency: (p.currency_code ?? "").toUpperCase(),
      region: p.region_name ?? "",
    })
}

/** A labelled form control in the dashboard's look. */
export function Field({ label, children, hint, htmlFor }: { label: string; children: ReactNode; hint?: string; htmlFor?: string }) {
  return (
    <label className="flex flex-col gap-1 txt-compact-small" htmlFor={htmlFor}>
      <span className="text-ui-fg-subtle font-medium">{label}</span>
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
