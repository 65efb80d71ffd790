"use client"

import { Button, Heading, Table, Text } from "@medusajs/ui"
import { useParams } from "next/navigation"
import { useDashboard } from "@/components/dashboard/context"
import { AddressBlock } from "@/components/dashboard/orders/AddressBlock"
import { ErrorNotice, Loading } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { ordersApi } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"

/** A printable packing slip of the merchant's own items in the order (the dashboard's frame is hidden in print). */
export default function PackingSlipPage() {
  const { id } = useParams<{ id: string }>()
  const { t, fmt } = useDashboardI18n()
  const { merchant } = useDashboard()
  const order = useMerchantQuery(`order:${id}`, (token) => ordersApi.order(token, id))
  if (order.error) return <ErrorNotice error={order.error} />
  if (!order.data) return <Loading />
  const o = order.data.order
  return (
    <div className="bg-ui-bg-base mx-auto flex max-w-[800px] flex-col gap-6 rounded-lg p-8" data-testid="packing-slip">
      <div className="flex items-start justify-between gap-4">
        <div>
          <Heading level="h1">{t("orders.slipTitle", { id: o.display_id })}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{fmt.date(o.created_at)}</Text>
        </div>
        <Button size="small" variant="secondary" className="snail-dash-chrome" onClick={() => window.print()} data-testid="packing-slip-print">{t("orders.print")}</Button>
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          <Text size="small" weight="plus">{t("orders.slipFrom")}</Text>
          <Text size="small" dir="auto">{merchant.legal_name}</Text>
          <Text size="small" dir="auto">{merchant.display_name}</Text>
        </div>
        <div>
          <Text size="small" weight="plus">{t("orders.shipTo")}</Text>
          <AddressBlock address={o.shipping_address} />
        </div>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("orders.col.item")}</Table.HeaderCell>
            <Table.HeaderCell>SKU</Table.HeaderCell>
            <Table.HeaderCell className="text-end">{t("orders.qty", { n: "" }).trim()}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {o.items.map((i) => (
            <Table.Row key={i.id} data-testid="packing-slip-item">
              <Table.Cell dir="auto">{i.title}{i.subtitle ? ` · ${i.subtitle}` : ""}</Table.Cell>
              <Table.Cell dir="ltr">{i.variant_sku ?? "—"}</Table.Cell>
              <Table.Cell className="text-end">{i.quantity}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
