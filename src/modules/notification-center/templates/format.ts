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
      return `${text} (${zoneName(intl, timeZone, new Date(at))})`
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

/**
 * The zone a time is given in, in the reader's words ("Gulf Standard Time", «Москва, стандартное время»,
 * «توقيت الخليج») rather than its IANA id. Where the language has no name for it, Intl answers only an
 * offset ("GMT+04:00"): the zone's city is added so the reader still knows which clock is meant.
 */
export function zoneName(intl: string, timeZone: string, at: Date): string {
  try {
    const name = new Intl.DateTimeFormat(intl, { timeZone, timeZoneName: "long" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value
    if (!name) return timeZone
    // An offset only ("GMT-03:00", "غرينتش-03:00"): no language has a name for it.
    if (/[+\-−]\d{1,2}(:\d{2})?$/.test(name) && timeZone.includes("/")) return `${timeZone.split("/").pop()!.replace(/_/g, " ")}, ${name}`
    return name
  } catch {
    return timeZone
  }
}
