"use client"

import { StatusBadge, Text } from "@medusajs/ui"
import Link from "next/link"
import { useParams } from "next/navigation"
import { AddressBlock } from "@/components/dashboard/orders/AddressBlock"
import { LineActions } from "@/components/dashboard/orders/LineActions"
import { majorToMinor, stateColor } from "@/components/dashboard/orders/states"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { ordersApi } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { formatMinor } from "@/lib/money"

/** One order as the merchant sees it: its own lines with state, moves and history; the buyer's address. */
export default function OrderPage() {
  const { id } = useParams<{ id: string }>()
  const { t, intlLocale, fmt } = useDashboardI18n()
  const order = useMerchantQuery(`order:${id}`, (token) => ordersApi.order(token, id))
  const lines = useMerchantQuery(`order-lines:${id}`, (token) => ordersApi.orderLines(token, id))
  if (order.error) return <ErrorNotice error={order.error} />
  if (!order.data || !lines.data) return <Loading />
  const o = order.data.order
  return (
    <div className="flex flex-col gap-4" data-testid="order-detail" data-order-id={o.id}>
      <Link href="/merchant/orders" className="txt-compact-small text-ui-fg-subtle">← {t("orders.back")}</Link>
      <PageHeader
        title={t("orders.number", { id: o.display_id })}
        subtitle={t("orders.placed", { date: fmt.dateTime(o.created_at) })}
        actions={<Link href={`/merchant/orders/${o.id}/slip`} className="txt-compact-small-plus text-ui-fg-interactive" data-testid="order-slip-link">{t("orders.packingSlip")}</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          {lines.data.lines.map((l) => (
            <Card key={l.id} testId="order-line" className="" >
              <div className="flex flex-col gap-3" data-line-id={l.id} data-state={l.state} data-testid="order-line-body">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <Text weight="plus" dir="auto">{l.title}</Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {t(`orders.kind.${l.kind}` as DashboardKey)} · {t("orders.qty", { n: l.quantity ?? 1 })} · {formatMinor(l.amount_minor, l.currency_code, intlLocale)}
                    </Text>
                    {l.booking && <Text size="small" className="text-ui-fg-subtle">{t("orders.booking", { time: fmt.dateTime(l.booking.start_at, l.booking.timezone) })}</Text>}
                    {l.tracking_number && <Text size="small" className="text-ui-fg-subtle" data-testid="order-line-tracking">{t("orders.tracking", { carrier: l.carrier ?? "", number: l.tracking_number })}</Text>}
                    {majorToMinor(l.captured_amount ?? 0, l.currency_code) > 0 && (
                      <Text size="small" className="text-ui-fg-subtle" data-testid="order-line-captured">
                        {t("orders.captured", { amount: formatMinor(majorToMinor(l.captured_amount, l.currency_code), l.currency_code, intlLocale) })}
                        {majorToMinor(l.refunded_amount ?? 0, l.currency_code) > 0 && (
                          <> · <span data-testid="order-line-refunded">{t("orders.refundedSoFar", { amount: formatMinor(majorToMinor(l.refunded_amount, l.currency_code), l.currency_code, intlLocale) })}</span></>
                        )}
                      </Text>
                    )}
                  </div>
                  <StatusBadge color={stateColor(l.state)} data-testid="order-line-state">{t(`orders.st.${l.state}` as DashboardKey)}</StatusBadge>
                </div>
                <LineActions orderId={o.id} line={l} />
                <details>
                  <summary className="txt-compact-small text-ui-fg-subtle cursor-pointer">{t("orders.history")}</summary>
                  <ul className="mt-2 flex flex-col gap-1">
                    {l.history.map((h, i) => (
                      <li key={i} className="txt-compact-small text-ui-fg-subtle">
                        {fmt.dateTime(h.at)} · {t(`orders.st.${h.to}` as DashboardKey)} · {t(`orders.actor.${h.actor_type}` as DashboardKey)}
                        {h.reason ? <span dir="auto"> · {h.reason}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </div>
            </Card>
          ))}
        </div>
        <Card title={t("orders.shipTo")}>
          <AddressBlock address={o.shipping_address} />
          {o.email && (
            <Text size="small" className="text-ui-fg-subtle mt-3">{t("orders.contact")}: <bdi dir="ltr" className="break-all">{o.email}</bdi></Text>
          )}
        </Card>
      </div>
    </div>
  )
}
