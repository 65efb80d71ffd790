import { toMajorString } from "../../../lib/money"
import type { Locale } from "../types"

/** The same Intl locales as the storefront (storefront/lib/i18n.ts), so figures read the same. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ru: "ru-RU", ar: "ar-AE" }
export const DIR: Record<Locale, "ltr" | "rtl"> = { en: "ltr", ru: "ltr", ar: "rtl" }

export type Formatter = ReturnType<typeof formatter>

/**
 * Money from integer minor units through src/lib/money.ts (exact decimal string, no float) and
 * Intl in the reader's locale; times in the given zone with that zone named beside them.
 */
export function formatter(locale: Locale) {
  const intl = INTL_LOCALE[locale]
  return {
    locale,
    money(minor: number, currencyCode: string): string {
      const format = new Intl.NumberFormat(intl, { style: "currency", currency: currencyCode.toUpperCase() })
      // Intl formats a decimal string exactly (Intl.NumberFormat v3); the cast widens the older typing.
      return format.format(toMajorString(minor, currencyCode) as unknown as number)
    },
    dateTime(at: Date | string, timeZone: string): string {
      const text = new Intl.DateTimeFormat(intl, { dateStyle: "full", timeStyle: "short", timeZone }).format(new Date(at))
      return `${text} (${timeZone})`
    },
    /** A count, with the reader's digits and grouping. */
    number(n: number): string {
      return new Intl.NumberFormat(intl).format(n)
    },
    date(at: Date | string, timeZone = "UTC"): string {
      return new Intl.DateTimeFormat(intl, { dateStyle: "long", timeZone }).format(new Date(at))
    },
  }
}

/** Every value put into MJML/HTML goes through this: template data is never markup. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}
