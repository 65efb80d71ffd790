import type { Locale } from "./i18n"
import type { Region } from "./sdk"

/** Cookie holding the region the buyer picked: server pages price in it, the cart follows it. */
export const REGION_COOKIE = "snail_region"

// Without an explicit choice, pick the region whose currency fits the language.
export const LOCALE_CURRENCY: Record<Locale, string> = { en: "eur", ru: "rub", ar: "aed" }

export function regionFor(regions: Region[], chosenId: string | null, locale: Locale): Region | null {
  if (regions.length === 0) return null
  return (
    regions.find((r) => r.id === chosenId) ??
    regions.find((r) => r.currency_code === LOCALE_CURRENCY[locale]) ??
    regions[0]
  )
}
