/**
 * The reader's language (docs/notifications.md): what the storefront stored on the order or the
 * customer (`metadata.locale`), else the default of the country the order ships to (RU → ru,
 * AE → ar, the other Arabic-speaking countries → ar), else English.
 */
export type ReaderLocale = "en" | "ru" | "ar"

const ARABIC_COUNTRIES = new Set(["ae", "sa", "qa", "kw", "bh", "om", "eg", "jo", "lb", "ma", "tn", "dz", "iq", "ly", "ye", "sy", "sd", "ps"])
const RUSSIAN_COUNTRIES = new Set(["ru", "by", "kz", "kg"])

export function localeFrom(value: unknown): ReaderLocale | null {
  const v = typeof value === "string" ? value.trim().toLowerCase().slice(0, 2) : ""
  return v === "en" || v === "ru" || v === "ar" ? v : null
}

export function countryLocale(countryCode: unknown): ReaderLocale | null {
  const c = typeof countryCode === "string" ? countryCode.toLowerCase() : ""
  if (RUSSIAN_COUNTRIES.has(c)) return "ru"
  if (ARABIC_COUNTRIES.has(c)) return "ar"
  return null
}

export function readerLocale(sources: { metadata?: unknown[]; countryCodes?: unknown[] }): ReaderLocale {
  for (const m of sources.metadata ?? []) {
    const l = localeFrom((m as any)?.locale)
    if (l) return l
  }
  for (const c of sources.countryCodes ?? []) {
    const l = countryLocale(c)
    if (l) return l
  }
  return "en"
}

/** Where links in messages point; every base is configurable. */
export function storefrontUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
}
export function adminUrl(env: Record<string, string | undefined> = process.env): string {
  return `${(env.MEDUSA_BACKEND_URL && env.MEDUSA_BACKEND_URL !== "/" ? env.MEDUSA_BACKEND_URL : `http://localhost:${env.PORT || 9000}`).replace(/\/+$/, "")}/app`
}
