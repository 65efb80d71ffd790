"use client"

// The merchant dashboard's words. Each area keeps its own file in ./messages (so the engineers of
// different pages do not edit one dictionary); this file joins them. Keys missing here fall back
// to the storefront's shared dictionary (lib/i18n.ts: roles, KYC states, common words).
import { useCallback, useMemo } from "react"
import { isMessageKey, translate, type Locale } from "../i18n"
import { useI18n } from "../i18n-context"
import { ERROR_WORDS } from "../error-messages"
import { accountMessages } from "./messages/account"
import { bookingsMessages } from "./messages/bookings"
import { catalogMessages } from "./messages/catalog"
import { homeMessages } from "./messages/home"
import { moneyMessages } from "./messages/money"
import { ordersMessages } from "./messages/orders"
import { productsMessages } from "./messages/products"
import { settingsMessages } from "./messages/settings"
import { shippingMessages } from "./messages/shipping"
import { shellMessages } from "./messages/shell"
import { teamMessages } from "./messages/team"

const AREAS = [shellMessages, homeMessages, productsMessages, catalogMessages, ordersMessages, bookingsMessages, moneyMessages, teamMessages, settingsMessages, shippingMessages, accountMessages]

type KeysOf<T> = T extends Record<Locale, Record<infer K, string>> ? K : never
export type DashboardKey = KeysOf<(typeof AREAS)[number]>

const DICT: Record<Locale, Record<string, string>> = { en: {}, ru: {}, ar: {} }
for (const area of AREAS) for (const l of ["en", "ru", "ar"] as const) Object.assign(DICT[l], area[l])

export function dashboardTranslate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  const template = DICT[locale][key] ?? DICT.en[key]
  if (template === undefined) return isMessageKey(key) ? translate(locale, key, vars) : key
  return template.replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? String(vars[name]) : `{${name}}`))
}

/** Words, money and dates for the dashboard, in the viewer's language. */
export function useDashboardI18n() {
  const { locale, intlLocale, dir, setLocale } = useI18n()
  const t = useCallback(
    (key: DashboardKey | Parameters<typeof translate>[1], vars?: Record<string, string | number>) => dashboardTranslate(locale, key, vars),
    [locale]
  )
  /** A stable error code in the viewer's words (never shown raw). */
  const errorWords = useCallback((code: string | null | undefined) => (code && ERROR_WORDS[code]?.[locale]) || null, [locale])
  const fmt = useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })
    const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium" })
    return {
      dateTime: (iso: string | Date, timeZone?: string) =>
        timeZone ? new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso)) : dateTime.format(new Date(iso)),
      date: (iso: string | Date) => date.format(new Date(iso)),
    }
  }, [intlLocale])
  return { t, locale, intlLocale, dir, setLocale, errorWords, fmt }
}
