import { notFound } from "next/navigation"
import type { ReactNode } from "react"
import { LocaleSync } from "@/components/catalog/LocaleSync"
import { isLocale } from "@/lib/i18n"

/** Public pages under /en, /ru, /ar; any other first segment that reaches here is not a page. */
export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return (
    <>
      <LocaleSync locale={locale} />
      {children}
    </>
  )
}
