"use client"

import Link from "next/link"
import { usePathname, useRouter } from "next/navigation"
import { Suspense, useEffect, useState } from "react"
import { SearchBox } from "@/components/catalog/SearchBox"
import { isLocale, LOCALE_META, LOCALES, type Locale } from "@/lib/i18n"
import { localePath, switchLocalePath } from "@/lib/locale-path"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"
import type { Region } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

/** A region's name in the buyer's language: its country (one-country regions) or its currency, via Intl. */
function regionLabel(r: Region, intlLocale: string): string {
  const countries = (r as Region & { countries?: { iso_2?: string | null }[] }).countries ?? []
  let name = r.name
  try {
    if (countries.length === 1 && countries[0].iso_2) {
      name = new Intl.DisplayNames([intlLocale], { type: "region" }).of(countries[0].iso_2.toUpperCase()) ?? r.name
    } else {
      name = new Intl.DisplayNames([intlLocale], { type: "currency" }).of(r.currency_code.toUpperCase()) ?? r.name
    }
  } catch {
    name = r.name
  }
  return `${name} (${r.currency_code.toUpperCase()})`
}

export function Header() {
  const { t, locale, intlLocale, setLocale } = useI18n()
  const { regions, region, setRegionId, itemCount } = useStore()
  const { customer, token, hydrated } = useCustomer()
  const pathname = usePathname()
  const router = useRouter()
  // Phones: the navigation folds behind a menu button; it closes on every page change.
  const [menuOpen, setMenuOpen] = useState(false)
  useEffect(() => setMenuOpen(false), [pathname])
  // Server-rendered pages are visible before they are interactive; tests (and nothing else) wait for this.
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])

  // On a language-prefixed page the language is the URL's: go to the same page in the other
  // language (LocaleSync then follows). Elsewhere (cart, account) switch in place.
  function changeLanguage(l: Locale) {
    const target = switchLocalePath(pathname, l)
    if (target !== pathname) router.push(`${target}${window.location.search}`)
    else setLocale(l)
  }

  return (
    <header className="header" data-ready={ready ? "true" : "false"}>
      <div className="container header-row">
        <Link href={localePath(locale, "/")} className="brand" data-testid="home-link">
          {t("app.title")}
        </Link>
        <Suspense fallback={<div className="search-box" />}>
          <SearchBox />
        </Suspense>
        <Link href="/cart" className="cart-link" data-testid="cart-link">
          {t("nav.cart")}
          <span className="badge" data-testid="cart-count" aria-hidden>
            {itemCount}
          </span>
          <span className="visually-hidden">{t("nav.cartCount", { count: itemCount })}</span>
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          data-testid="menu-button"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden>☰</span>
          <span className="visually-hidden">{t("nav.menu")}</span>
        </button>
        <nav id="site-nav" className={menuOpen ? "header-nav open" : "header-nav"} aria-label={t("nav.menu")}>
          <Link href={localePath(locale, "/")}>{t("nav.catalog")}</Link>
          <Link href="/merchant" data-testid="merchant-portal-link">{t("nav.sell")}</Link>
          {hydrated && token && <Link href="/account/courses" data-testid="my-courses-link">{t("nav.courses")}</Link>}
          {hydrated && token && <Link href="/account?tab=notifications" data-testid="account-settings-link">{t("acct.nav")}</Link>}
          {hydrated &&
            (token ? (
              <Link href="/account/orders" data-testid="account-link" title={customer ? t("account.signedInAs", { email: customer.email }) : undefined}>
                {t("nav.account")}
                {customer && (
                  <>
                    {" "}
                    <span className="muted account-email" dir="ltr" data-testid="account-email">({customer.email})</span>
                  </>
                )}
              </Link>
            ) : (
              <Link href="/account/login" data-testid="sign-in-link">{t("nav.signIn")}</Link>
            ))}
          <label className="inline-field">
            <span>{t("region.label")}</span>
            <select
              data-testid="region-select"
              value={region?.id ?? ""}
              onChange={(e) => setRegionId(e.target.value)}
              disabled={regions.length === 0}
            >
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {regionLabel(r, intlLocale)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t("lang.label")}</span>
            <select
              data-testid="lang-select"
              value={locale}
              onChange={(e) => isLocale(e.target.value) && changeLanguage(e.target.value)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_META[l].name}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </div>
    </header>
  )
}
