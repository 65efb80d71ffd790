"use client"

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react"
import { LOCALE_COOKIE, LOCALE_META, translate, type Locale, type MessageKey } from "./i18n"

type I18n = {
  locale: Locale
  /** BCP 47 tag for Intl formatters. */
  intlLocale: string
  dir: "ltr" | "rtl"
  t: (key: MessageKey, vars?: Record<string, string | number>) => string
  setLocale: (l: Locale) => void
}

const I18nContext = createContext<I18n | null>(null)

/**
 * `initialLocale` comes from the cookie read by the root layout, so the server
 * renders <html lang dir> right and there is no LTR/RTL flash on load.
 */
export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l)
    document.cookie = `${LOCALE_COOKIE}=${l}; path=/; max-age=31536000; samesite=lax`
    // The <html> element is rendered by the server layout; keep it in sync
    // without a reload.
    document.documentElement.lang = l
    document.documentElement.dir = LOCALE_META[l].dir
  }, [])

  const value = useMemo<I18n>(
    () => ({
      locale,
      intlLocale: LOCALE_META[locale].intl,
      dir: LOCALE_META[locale].dir,
      t: (key, vars) => translate(locale, key, vars),
      setLocale,
    }),
    [locale, setLocale]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error("useI18n outside I18nProvider")
  return ctx
}
