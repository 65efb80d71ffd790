import { NextResponse, type NextRequest } from "next/server"
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n"
import { LOCALE_HEADER } from "@/lib/locale-path"

/**
 * Public, indexable pages live under /en, /ru, /ar (one URL per language, so search engines and
 * link previews see each language; hreflang links them). An unprefixed public URL (old links,
 * typed addresses) is redirected to the visitor's language: the cookie they chose, else the
 * browser's Accept-Language, else English. Visiting a prefixed URL also makes that language the
 * cookie's, so the unprefixed pages (cart, checkout, account) follow it.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const first = pathname.split("/")[1]
  if (isLocale(first)) {
    const headers = new Headers(request.headers)
    headers.set(LOCALE_HEADER, first)
    const res = NextResponse.next({ request: { headers } })
    if (request.cookies.get(LOCALE_COOKIE)?.value !== first) {
      res.cookies.set(LOCALE_COOKIE, first, { path: "/", maxAge: 31536000, sameSite: "lax" })
    }
    return res
  }
  const locale = preferredLocale(request)
  const url = request.nextUrl.clone()
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`
  url.search = search
  return NextResponse.redirect(url, 307)
}

function preferredLocale(request: NextRequest): Locale {
  const fromCookie = request.cookies.get(LOCALE_COOKIE)?.value
  if (isLocale(fromCookie)) return fromCookie
  // "ru-RU,ru;q=0.9,en;q=0.8" → the first listed language we have, by quality.
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=")
      return { lang: tag.split("-")[0].toLowerCase(), q: q ? Number(q) : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return (accepted.find((a) => (LOCALES as readonly string[]).includes(a.lang))?.lang as Locale) ?? DEFAULT_LOCALE
}

export const config = {
  matcher: ["/", "/products/:path*", "/merchants/:path*", "/search", "/en", "/en/:path*", "/ru", "/ru/:path*", "/ar", "/ar/:path*"],
}
