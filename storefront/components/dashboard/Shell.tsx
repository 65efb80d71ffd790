"use client"

import { BuildingsSolid, Calendar, CogSixTooth, CurrencyDollar, House, ShoppingCart, SidebarLeft, Tag, TruckFast, Users } from "@medusajs/icons"
import { Button, IconButton, Text } from "@medusajs/ui"
import Link from "next/link"
import { usePathname, useRouter } from "next/navigation"
import { useEffect, useState, type ComponentType, type ReactNode } from "react"
import { LOCALE_META, LOCALES, type Locale } from "@/lib/i18n"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { merchantRequest } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"
import { useDashboard, type Section } from "./context"

type NavItem = { section: Section; href: string; label: DashboardKey; icon: ComponentType<{ className?: string }>; testId: string }

const NAV: NavItem[] = [
  { section: "home", href: "/merchant", label: "dash.nav.home", icon: House, testId: "dash-nav-home" },
  { section: "products", href: "/merchant/products", label: "dash.nav.products", icon: Tag, testId: "dash-nav-products" },
  { section: "orders", href: "/merchant/orders", label: "dash.nav.orders", icon: ShoppingCart, testId: "dash-nav-orders" },
  { section: "bookings", href: "/merchant/bookings", label: "dash.nav.bookings", icon: Calendar, testId: "dash-nav-bookings" },
  { section: "shipping", href: "/merchant/shipping", label: "dash.nav.shipping", icon: TruckFast, testId: "dash-nav-shipping" },
  // The money flow's older browser test clicks merchant-nav-money.
  { section: "money", href: "/merchant/money", label: "dash.nav.money", icon: CurrencyDollar, testId: "merchant-nav-money" },
  { section: "team", href: "/merchant/team", label: "dash.nav.team", icon: Users, testId: "dash-nav-team" },
  { section: "settings", href: "/merchant/settings", label: "dash.nav.settings", icon: CogSixTooth, testId: "dash-nav-settings" },
]

/** Which nav item a path belongs to: the longest matching prefix (/merchant itself is Home only). */
function activeSection(pathname: string): Section {
  const hit = NAV.filter((n) => n.href !== "/merchant" && (pathname === n.href || pathname.startsWith(`${n.href}/`)))[0]
  return hit?.section ?? "home"
}

function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useDashboardI18n()
  const { sections } = useDashboard()
  const active = activeSection(usePathname() ?? "/merchant")
  return (
    <nav aria-label={t("dash.nav.label")} className="flex flex-col gap-0.5 px-3 py-2">
      {NAV.filter((n) => sections.includes(n.section)).map((n) => {
        const Icon = n.icon
        const current = n.section === active
        return (
          <Link
            key={n.section}
            href={n.href}
            onClick={onNavigate}
            data-testid={n.testId}
            aria-current={current ? "page" : undefined}
            className={`txt-compact-small-plus flex items-center gap-2 rounded-md px-2 py-1.5 transition-fg ${
              current ? "bg-ui-bg-base shadow-elevation-card-rest text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-subtle-hover"
            }`}
          >
            <Icon className="text-ui-fg-subtle" />
            {t(n.label)}
          </Link>
        )
      })}
    </nav>
  )
}

/** The dashboard's language, which is also the language the shop's e-mails reach this member in. */
function LanguagePicker() {
  const { t, locale, setLocale } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  // Saved for e-mails when it differs from what the server holds (also on the first visit in a language).
  useEffect(() => {
    if (merchantUser.locale === locale) return
    merchantRequest("/merchant/me/locale", { token, body: { locale } }).catch(() => undefined)
  }, [locale, token, merchantUser.locale])
  return (
    <label className="flex items-center gap-2 txt-compact-small text-ui-fg-subtle">
      <span>{t("dash.language")}</span>
      <select
        className="bg-ui-bg-field border-ui-border-base rounded-md border px-2 py-1 txt-compact-small text-ui-fg-base"
        value={locale}
        data-testid="dash-language"
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>{LOCALE_META[l].name}</option>
        ))}
      </select>
    </label>
  )
}

function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useDashboardI18n()
  const { merchant, merchantUser } = useDashboard()
  const { signOut } = useMerchantSession()
  const router = useRouter()
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-2 border-b border-ui-border-base px-4 py-3">
        <div className="bg-ui-bg-component rounded-md p-1.5"><BuildingsSolid className="text-ui-fg-subtle" /></div>
        <div className="min-w-0">
          <Text size="small" weight="plus" className="truncate" data-testid="merchant-name" dir="auto">{merchant.display_name}</Text>
          <Text size="xsmall" className="text-ui-fg-muted">{t("dash.title")}</Text>
        </div>
      </div>
      <SideNav onNavigate={onNavigate} />
      {/* Bottom padding keeps the block clear of the corner where dev tools float their badge. */}
      <div className="mt-auto flex flex-col gap-3 border-t border-ui-border-base px-4 pb-16 pt-3">
        {merchant.kyc_status === "APPROVED" && (
          // A full page load: the buyer pages do not share the dashboard's stylesheet.
          <a className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover" href={`/merchants/${merchant.handle}`} data-testid="merchant-shop-link">
            {t("dash.viewShop")}
          </a>
        )}
        <LanguagePicker />
        {/* Only the e-mail may break anywhere; the role is a word of the viewer's language. */}
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="dash-signed-in" data-role={merchantUser.role}>
          <bdi dir="ltr" className="break-all">{merchantUser.email}</bdi> · <span className="whitespace-nowrap">{t(`dash.role.${merchantUser.role}` as DashboardKey)}</span>
        </Text>
        <Button
          variant="secondary"
          size="small"
          data-testid="merchant-signout"
          onClick={() => {
            signOut()
            router.push("/merchant/login")
          }}
        >
          {t("dash.signOut")}
        </Button>
      </div>
    </div>
  )
}

/** The dashboard's frame: a side nav (a drawer on phones) and the page beside it. */
export function DashboardShell({ children }: { children: ReactNode }) {
  const { t } = useDashboardI18n()
  const [open, setOpen] = useState(false)
  return (
    <div className="flex min-h-screen">
      <aside className="snail-dash-chrome bg-ui-bg-subtle border-ui-border-base sticky top-0 hidden h-screen w-60 shrink-0 border-e md:block" data-testid="dash-sidebar">
        <Sidebar />
      </aside>
      {open && (
        <div className="snail-dash-chrome fixed inset-0 z-50 md:hidden">
          <div className="bg-ui-bg-overlay absolute inset-0" onClick={() => setOpen(false)} />
          <aside className="bg-ui-bg-subtle absolute inset-y-0 start-0 w-64 shadow-elevation-modal">
            <Sidebar onNavigate={() => setOpen(false)} />
          </aside>
        </div>
      )}
      <div className="min-w-0 flex-1">
        <div className="snail-dash-chrome bg-ui-bg-base border-ui-border-base flex items-center gap-2 border-b px-4 py-2 md:hidden">
          <IconButton variant="transparent" aria-label={t("dash.menu")} data-testid="dash-menu" onClick={() => setOpen(true)}>
            <SidebarLeft />
          </IconButton>
          <Text size="small" weight="plus">{t("dash.title")}</Text>
        </div>
        <main className="mx-auto max-w-[1200px] px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  )
}
