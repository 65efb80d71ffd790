"use client"

import { StatusBadge, Table, Text } from "@medusajs/ui"
import Link from "next/link"
import { useEffect, useState } from "react"
import { FILTERS, stateColor, type FilterKey } from "@/components/dashboard/orders/states"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { ordersApi } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { formatMinor } from "@/lib/money"

/** Orders: the merchant's lines across orders, newest first, filtered by state (the filter is in the URL). */
export default function OrdersPage() {
  const { t, intlLocale, fmt } = useDashboardI18n()
  const [filter, setFilter] = useState<FilterKey>("all")
  useEffect(() => {
    const f = new URLSearchParams(window.location.search).get("state")
    if (f && f in FILTERS) setFilter(f as FilterKey)
  }, [])
  const choose = (f: FilterKey) => {
    setFilter(f)
    window.history.replaceState(null, "", f === "all" ? "/merchant/orders" : `/merchant/orders?state=${f}`)
  }
  const lines = useMerchantQuery(`lines:${filter}`, (token) => ordersApi.lines(token, FILTERS[filter]))
  return (
    <div data-testid="dash-orders">
      <PageHeader title={t("orders.heading")} />
      <div className="mb-4 flex flex-wrap gap-2" role="tablist" aria-label={t("orders.filter")}>
        {(Object.keys(FILTERS) as FilterKey[]).map((f) => (
          <button
            key={f}
            role="tab"
            aria-selected={filter === f}
            data-testid={`orders-filter-${f}`}
            onClick={() => choose(f)}
            className={`txt-compact-small-plus rounded-full px-3 py-1 ${filter === f ? "bg-ui-bg-base shadow-elevation-card-rest text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"}`}
          >
            {t(`orders.filter.${f}` as DashboardKey)}
          </button>
        ))}
      </div>
      <Card className="overflow-x-auto">
        {lines.error ? <ErrorNotice error={lines.error} /> : !lines.data ? <Loading /> : lines.data.lines.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted" data-testid="orders-empty">{t("orders.empty")}</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("orders.col.order")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.col.item")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.col.buyer")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.col.state")}</Table.HeaderCell>
                <Table.HeaderCell className="text-end">{t("orders.col.amount")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lines.data.lines.map((l) => (
                <Table.Row key={l.id} data-testid="orders-line-row" data-order-id={l.order_id} data-line-id={l.id} data-state={l.state}>
                  <Table.Cell>
                    <Link href={`/merchant/orders/${l.order_id}`} className="text-ui-fg-interactive" data-testid="orders-line-link">
                      {t("orders.number", { id: l.display_id ?? "?" })}
                    </Link>
                    {l.created_at && <div className="txt-compact-xsmall text-ui-fg-muted">{fmt.date(l.created_at)}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    <span dir="auto">{l.title}</span>
                    <span className="text-ui-fg-muted"> · {t(`orders.kind.${l.kind}` as DashboardKey)}{l.quantity && l.quantity > 1 ? ` × ${l.quantity}` : ""}</span>
                  </Table.Cell>
                  <Table.Cell dir="auto">{[l.buyer?.name, l.buyer?.city].filter(Boolean).join(", ") || "—"}</Table.Cell>
                  <Table.Cell><StatusBadge color={stateColor(l.state)}>{t(`orders.st.${l.state}` as DashboardKey)}</StatusBadge></Table.Cell>
                  <Table.Cell className="text-end">{formatMinor(l.amount_minor, l.currency_code, intlLocale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Card>
    </div>
  )
}
