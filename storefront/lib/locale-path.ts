import { LOCALES, type Locale } from "./i18n"

/** Request header the proxy sets on locale-prefixed pages; the root layout renders <html lang dir> from it. */
export const LOCALE_HEADER = "x-snail-locale"

/** Public pages (catalogue, search, product, merchant) carry the language in their URL. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === "/" ? "" : path}`
}

/** The same page in another language: swaps a leading /en|/ru|/ar, leaves other paths alone. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const parts = pathname.split("/")
  if ((LOCALES as readonly string[]).includes(parts[1])) {
    parts[1] = to
    return parts.join("/")
  }
  return pathname
}

/** Metadata `alternates` (relative; the root layout sets metadataBase): canonical + hreflang for all three and x-default. */
export function alternates(locale: Locale, path: string) {
  const languages: Record<string, string> = {}
  for (const l of LOCALES) languages[l] = localePath(l, path)
  languages["x-default"] = localePath("en", path)
  return { canonical: localePath(locale, path), languages }
}
