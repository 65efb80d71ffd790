"use client"

import { useMemo } from "react"
import type { MerchantShipping, ShippingZone } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { currencyExponent, toMinorUnits } from "@/lib/money"

/** Country and currency names in the viewer's language (never the bare ISO codes). */
export function useGeoWords() {
  const { intlLocale } = useDashboardI18n()
  return useMemo(() => {
    const named = (type: "region" | "currency") => {
      try {
        const names = new Intl.DisplayNames([intlLocale], { type })
        return (code: string) => names.of(code.toUpperCase()) ?? code.toUpperCase()
      } catch {
        return (code: string) => code.toUpperCase()
      }
    }
    const country = named("region")
    const currency = named("currency")
    return { country, currency, countries: (codes: string[]) => codes.map(country).join(", ") }
  }, [intlLocale])
}

/** The currencies the zone's buyers pay in (their regions'), each with its countries in the zone. */
export function zoneCurrencies(zone: Pick<ShippingZone, "countries">, markets: MerchantShipping["markets"]): { currency_code: string; countries: string[] }[] {
  const byCurrency = new Map<string, string[]>()
  for (const m of markets.countries) {
    if (!zone.countries.includes(m.country_code)) continue
    byCurrency.set(m.currency_code, [...(byCurrency.get(m.currency_code) ?? []), m.country_code])
  }
  return [...byCurrency.entries()].map(([currency_code, countries]) => ({ currency_code, countries })).sort((a, b) => a.currency_code.localeCompare(b.currency_code))
}

/**
 * "7.50" (or "7,50") in `currency` → 750 minor units; "" → null; not an amount or too many decimals
 * for the currency → NaN (refused before sending). Digits only: no float arithmetic.
 */
export function priceTextToMinor(text: string, currency: string): number | null {
  const clean = text.replace(",", ".").trim()
  if (!clean) return null
  const exp = currencyExponent(currency)
  const pattern = exp ? new RegExp(`^\\d{1,12}(\\.\\d{0,${exp}})?$`) : /^\d{1,12}$/
  return pattern.test(clean) ? toMinorUnits(clean.replace(/\.$/, ""), currency) : NaN
}
