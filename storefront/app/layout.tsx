import type { Metadata } from "next"
import { cookies } from "next/headers"
import type { ReactNode } from "react"
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALE_META } from "@/lib/i18n"
import { Providers } from "./providers"
import "./globals.css"

export const metadata: Metadata = { title: "SnailMarketplace" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The language lives in a cookie so the server can render lang/dir itself.
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE
  return (
    <html lang={locale} dir={LOCALE_META[locale].dir}>
      <body>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  )
}
