"use client"

import { useEffect } from "react"
import type { Locale } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"

/** Keeps the client's language (header, buttons) on the URL's when a link crosses languages. */
export function LocaleSync({ locale }: { locale: Locale }) {
  const { locale: current, setLocale } = useI18n()
  useEffect(() => {
    if (current !== locale) setLocale(locale)
  }, [current, locale, setLocale])
  return null
}
