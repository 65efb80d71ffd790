"use client"

import Link from "next/link"
import { isLocale, LOCALE_META, LOCALES } from "@/lib/i18n"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"
import { useStore } from "@/lib/store-context"

export function Header() {
  const { t, locale, setLocale } = useI18n()
  const { regions, region, setRegionId, itemCount } = useStore()
  const { customer, token, hydrated } = useCustomer()

  return (
    <header className="header">
      <div className="container header-row">
        <Link href="/" className="brand" data-testid="home-link">
          {t("app.title")}
        </Link>
        <nav className="header-nav">
          <Link href="/">{t("nav.catalog")}</Link>
          <Link href="/merchant" data-testid="merchant-portal-link">{t("nav.sell")}</Link>
          {hydrated && token && <Link href="/account/courses" data-testid="my-courses-link">{t("nav.courses")}</Link>}
          {hydrated &&
            (token ? (
              <Link href="/account/orders" data-testid="account-link" title={customer ? t("account.signedInAs", { email: customer.email }) : undefined}>
                {t("nav.account")}
                {customer && (
                  <span className="muted" dir="ltr" data-testid="account-email">
                    {" "}({customer.email})
                  </span>
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
                  {r.name} ({r.currency_code.toUpperCase()})
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t("lang.label")}</span>
            <select
              data-testid="lang-select"
              value={locale}
              onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_META[l].name}
                </option>
              ))}
            </select>
          </label>
          <Link href="/cart" className="cart-link" data-testid="cart-link" aria-label={t("nav.cartCount", { count: itemCount })}>
            {t("nav.cart")}
            <span className="badge" data-testid="cart-count">
              {itemCount}
            </span>
          </Link>
        </nav>
      </div>
    </header>
  )
}
