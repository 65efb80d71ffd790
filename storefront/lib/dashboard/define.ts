import type { Locale } from "../i18n"

/**
 * One dashboard area's words in every language. English is the source of the keys; the type
 * makes Russian and Arabic provide each of them (a missing word fails `tsc`).
 */
export function defineMessages<K extends string>(
  en: Record<K, string>,
  others: { ru: Record<K, string>; ar: Record<K, string> }
): Record<Locale, Record<K, string>> {
  return { en, ...others }
}
