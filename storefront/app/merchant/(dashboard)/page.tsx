"use client"

import { CheckCircleSolid, ExclamationCircle } from "@medusajs/icons"
import { Badge, Heading, StatusBadge, Text } from "@medusajs/ui"
import Link from "next/link"
import { useDashboard } from "@/components/dashboard/context"
import { GoodsReadinessList } from "@/components/dashboard/GoodsReadiness"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { dashboardApi, type HomeSummary } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { KYC_STATUSES } from "@/lib/merchant-api"
import { formatMinor } from "@/lib/money"

const KYC_COLOR = { PENDING: "orange", APPROVED: "green", REJECTED: "red", SUSPENDED: "red" } as const
const TODO_LINKS: Record<keyof HomeSummary["todos"], string> = {
  orders_to_ship: "/merchant/orders?state=to_ship",
  bookings_today: "/merchant/bookings?view=day",
  disputes_open: "/merchant/money#disputes",
  payouts_pending: "/merchant/money#payouts",
}
const CHECK_LINKS: Record<HomeSummary["checklist"][number]["key"], string> = {
  legal_profile: "/merchant/settings#legal",
  payout_method: "/merchant/settings#payout",
  stock_and_shipping: "/merchant/shipping",
  first_product: "/merchant/products",
}

function Todos({ todos }: { todos: HomeSummary["todos"] }) {
  const { t } = useDashboardI18n()
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="home-todos">
      {(Object.keys(TODO_LINKS) as (keyof HomeSummary["todos"])[]).map((k) => (
        <Link
          key={k}
          href={TODO_LINKS[k]}
          data-testid={`home-todo-${k}`}
          data-count={todos[k]}
          className="bg-ui-bg-base shadow-elevation-card-rest hover:shadow-elevation-card-hover rounded-lg px-4 py-3 transition-fg"
        >
          <Text size="small" className="text-ui-fg-subtle">{t(`home.todo.${k}` as DashboardKey)}</Text>
          <Heading level="h2" className={todos[k] > 0 ? "text-ui-fg-base" : "text-ui-fg-muted"}>{todos[k]}</Heading>
        </Link>
      ))}
    </div>
  )
}

function Glance({ data }: { data: HomeSummary }) {
  const { t, intlLocale, fmt } = useDashboardI18n()
  return (
    <Card title={t("home.glance")} testId="home-glance">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <Text size="small" weight="plus">{t("home.sales30")}</Text>
          {data.sales_30d.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">{t("home.noSales")}</Text>
          ) : (
            data.sales_30d.map((s) => (
              <Text key={s.currency_code} size="small" className="text-ui-fg-subtle" data-testid="home-sales" data-currency={s.currency_code}>
                {t("home.salesLine", {
                  gross: formatMinor(s.gross, s.currency_code, intlLocale),
                  orders: s.orders,
                  net: formatMinor(s.net, s.currency_code, intlLocale),
                })}
                <br />
                <span data-testid="home-sales-commission" data-commission-vat={s.commission_vat}>
                  {s.commission_vat
                    ? t("home.salesCommissionVat", { commission: formatMinor(s.commission, s.currency_code, intlLocale), vat: formatMinor(s.commission_vat, s.currency_code, intlLocale) })
                    : t("home.salesCommission", { commission: formatMinor(s.commission, s.currency_code, intlLocale) })}
                </span>
              </Text>
            ))
          )}
        </div>
        <div>
          {data.balances.map((b) => (
            <div key={b.currency_code} className="mb-1" data-testid="home-balance" data-currency={b.currency_code}>
              <Text size="small"><span className="text-ui-fg-subtle">{t("home.available")}:</span> {formatMinor(b.available, b.currency_code, intlLocale)}</Text>
              <Text size="small"><span className="text-ui-fg-subtle">{t("home.escrow")}:</span> {formatMinor(b.escrow, b.currency_code, intlLocale)}</Text>
            </div>
          ))}
          {data.last_payout && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("home.lastPayout", {
                amount: `${formatMinor(data.last_payout.amount, data.last_payout.currency_code, intlLocale)} (${t(`home.payout.${data.last_payout.status}` as DashboardKey)})`,
                date: fmt.date(data.last_payout.created_at),
              })}
            </Text>
          )}
        </div>
      </div>
    </Card>
  )
}

/** The onboarding checklist; gone once every step is done. */
function Checklist({ items }: { items: HomeSummary["checklist"] }) {
  const { t } = useDashboardI18n()
  return (
    <Card title={t("home.checklist")} testId="home-checklist">
      <Text size="small" className="text-ui-fg-subtle mb-3">{t("home.checklistHint")}</Text>
      <ul className="flex flex-col divide-y divide-ui-border-base">
        {items.map((c) => (
          <li key={c.key} className="flex items-start justify-between gap-3 py-2" data-testid={`home-check-${c.key}`} data-done={c.done}>
            <span className="flex flex-col gap-1">
              <span className="flex items-center gap-2">
                {c.done ? <CheckCircleSolid className="text-ui-tag-green-icon" /> : <ExclamationCircle className="text-ui-tag-orange-icon" />}
                <Text size="small" className={c.done ? "text-ui-fg-muted line-through" : ""}>{t(`home.check.${c.key}` as DashboardKey)}</Text>
              </span>
              {/* What is still missing for goods to be bought and shipped, in words. */}
              {!c.done && c.detail && <div className="ps-6"><GoodsReadinessList detail={c.detail} testId="home-goods-readiness" /></div>}
            </span>
            {c.done ? (
              <Badge size="2xsmall" color="green">{t("home.check.done")}</Badge>
            ) : (
              <Link href={CHECK_LINKS[c.key]} className="txt-compact-small text-ui-fg-interactive">{t("home.check.open")}</Link>
            )}
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** Home: where the shop stands (its review), what waits on the merchant, figures, the onboarding checklist. */
export default function DashboardHomePage() {
  const { t } = useDashboardI18n()
  const { merchant, sections } = useDashboard()
  const status = merchant.kyc_status
  const known = (KYC_STATUSES as readonly string[]).includes(status)
  const approved = status === "APPROVED"
  const home = useMerchantQuery("home", dashboardApi.home, approved)
  return (
    <div className="flex flex-col gap-4" data-testid="merchant-dashboard" data-merchant-id={merchant.id}>
      <PageHeader title={t("home.heading")} />
      <Card testId="merchant-status-card">
        <div className="flex flex-wrap items-center gap-3" role="status" data-testid="merchant-status" data-status={status}>
          <StatusBadge color={KYC_COLOR[status] ?? "grey"}>{known ? t(`kyc.${status}` as "kyc.PENDING") : status}</StatusBadge>
          {merchant.kyc_reason && !approved && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="merchant-status-reason" dir="auto">
              {t("kyc.reason", { reason: merchant.kyc_reason })}
            </Text>
          )}
        </div>
      </Card>
      {approved && (home.error ? <ErrorNotice error={home.error} /> : !home.data ? <Loading /> : (
        <>
          {!home.data.checklist_done && <Checklist items={home.data.checklist} />}
          <div>
            <Text size="small" weight="plus" className="mb-2">{t("home.todos")}</Text>
            <Todos todos={home.data.todos} />
          </div>
          {sections.includes("money") && <Glance data={home.data} />}
        </>
      ))}
    </div>
  )
}
