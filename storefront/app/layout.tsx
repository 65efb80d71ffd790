import type { Metadata, Viewport } from "next"
import { cookies, headers } from "next/headers"
import type { ReactNode } from "react"
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALE_META, translate } from "@/lib/i18n"
import { LOCALE_HEADER } from "@/lib/locale-path"
import { serverPublicConfig } from "@/lib/public-config"
import { REGION_COOKIE } from "@/lib/region"
import { hasStoreConfig, listRegions } from "@/lib/server/catalog"
import { siteOrigin } from "@/lib/server/site"
import type { Region } from "@/lib/sdk"
import { Providers } from "./providers"
import "./globals.css"

/** The page's language: its URL prefix (set by proxy.ts) on public pages, else the cookie. */
async function requestLocale() {
  const fromPath = (await headers()).get(LOCALE_HEADER)
  if (isLocale(fromPath)) return fromPath
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale()
  const name = translate(locale, "app.title")
  return {
    metadataBase: new URL(await siteOrigin()),
    title: { default: name, template: `%s · ${name}` },
    description: translate(locale, "meta.siteDescription"),
    openGraph: { siteName: name, type: "website", locale: LOCALE_META[locale].intl.replace("-", "_") },
  }
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale()
  const regionId = (await cookies()).get(REGION_COOKIE)?.value ?? null
  // Regions are handed to the client so the header and the cart need no extra round trip.
  let regions: Region[] | undefined
  if (hasStoreConfig()) regions = await listRegions().catch(() => undefined)
  return (
    <html lang={locale} dir={LOCALE_META[locale].dir}>
      <body>
        <Providers locale={locale} initialRegions={regions} initialRegionId={regionId} publicConfig={serverPublicConfig()}>{children}</Providers>
      </body>
    </html>
  )
}
