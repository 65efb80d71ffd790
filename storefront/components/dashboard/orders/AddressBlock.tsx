"use client"

import { Text } from "@medusajs/ui"
import type { ScopedOrder } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

/** The buyer's delivery address, as the order carries it. */
export function AddressBlock({ address }: { address: ScopedOrder["shipping_address"] }) {
  const { t, intlLocale } = useDashboardI18n()
  // The country in the viewer's words (Россия, روسيا), never its ISO code.
  const country = address?.country_code ? countryName(address.country_code, intlLocale) : null
  if (!address?.address_1) return <Text size="small" className="text-ui-fg-muted">{t("orders.noAddress")}</Text>
  return (
    <address className="not-italic txt-compact-small" dir="auto" data-testid="order-address">
      <div>{[address.first_name, address.last_name].filter(Boolean).join(" ")}</div>
      <div>{address.address_1}</div>
      {address.address_2 && <div>{address.address_2}</div>}
      <div>{[address.postal_code, address.city].filter(Boolean).join(" ")}</div>
      <div>{[address.province, country].filter(Boolean).join(", ")}</div>
      {address.phone && <div dir="ltr">{address.phone}</div>}
    </address>
  )
}

