import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { MerchantName } from "../components/merchant-name"
import { formatBps, formatDate, formatMinor, moneyApi, moneyKeys, type OrderSplit } from "../lib/money"

// Columns, in reading order: what the buyer paid, the discount and the part of it the platform
// funds (issue 17 §3), the commission and the VAT charged on it (its own column wherever net shows).
const FIGURES = [
  ["gross", "Gross"], ["discount", "Discount"], ["platform_discount", "Platform-funded"], ["tax", "Tax"],
  ["commission", "Commission"], ["commission_vat", "VAT on commission"], ["net", "Net"],
] as const

// The order's per-merchant split, each line's figures, and what the ledger has booked for the
// order so far (GET /admin/orders/:id/splits).
const MarketplaceSplitWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({ queryKey: moneyKeys.splits(order.id), queryFn: () => moneyApi.splits(order.id) })
  return (
    <Container className="divide-y p-0" data-testid="marketplace-split-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Marketplace split</Heading>
        <Text size="small" className="text-ui-fg-subtle">Per merchant: what the buyer paid, who funded the discount, the platform's commission and its VAT, and the merchant's net.</Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error" data-testid="split-error">{(error as Error).message}</Text>}
      {data && data.splits.length === 0 && <Text className="px-6 py-4" data-testid="split-empty">No split for this order.</Text>}
      {data && data.splits.length > 0 && (
        <>
          <Table data-testid="split-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Merchant</Table.HeaderCell>
                {FIGURES.map(([f, label]) => <Table.HeaderCell key={f} className="text-right">{label}</Table.HeaderCell>)}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.splits.map((s) => (
                <Table.Row key={s.id} data-testid="split-row" data-merchant-id={s.merchant_id ?? ""}>
                  <Table.Cell>
                    <MerchantName id={s.merchant_id} />
                  </Table.Cell>
                  {FIGURES.map(([f]) => (
                    <Table.Cell key={f} className="text-right" data-testid={`split-${f}`}>{formatMinor(s[f] ?? 0, s.currency_code)}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {data.splits.map((s) => <SplitLines key={s.id} split={s} />)}
          <div className="px-6 py-4" data-testid="split-ledger">
            <Text weight="plus" className="mb-2">Ledger booked so far</Text>
            {data.ledger.length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle">Nothing booked yet.</Text>
            ) : (
              <div className="grid grid-cols-3 gap-x-4 gap-y-1">
                {data.ledger.map((r) => (
                  <div key={`${r.merchant_id}-${r.account}-${r.currency_code}`} className="contents" data-testid="split-ledger-row" data-account={r.account}>
                    <Text size="small">{r.account}</Text>
                    <Text size="small" className="text-ui-fg-subtle">{r.merchant_id ? <MerchantName id={r.merchant_id} /> : "platform"}</Text>
                    <Text size="small" className="text-right">{formatMinor(r.amount, r.currency_code)}</Text>
                  </div>
                ))}
              </div>
            )}
          </div>
        </>
      )}
    </Container>
  )
}

function SplitLines({ split }: { split: OrderSplit }) {
  return (
    <div className="px-6 py-3" data-testid="split-lines" data-merchant-id={split.merchant_id ?? ""}>
      <Text size="small" weight="plus">Lines of <MerchantName id={split.merchant_id} /></Text>
      {split.lines.map((l) => (
        <div key={l.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1" data-testid="split-line">
          <Badge size="2xsmall">{l.kind}</Badge>
          <Text size="xsmall" className="text-ui-fg-subtle">{l.order_line_id}</Text>
          <Text size="xsmall">
            subtotal {formatMinor(l.subtotal, l.currency_code)} · discount {formatMinor(l.discount, l.currency_code)}
            {l.platform_discount ? ` (platform-funded ${formatMinor(l.platform_discount, l.currency_code)})` : ""} · tax {formatMinor(l.tax, l.currency_code)} · gross{" "}
            {formatMinor(l.gross, l.currency_code)} · commission {formatMinor(l.commission, l.currency_code)} ({formatBps(l.rate_bps)}
            {l.fixed_fee_minor ? ` + ${formatMinor(l.fixed_fee_minor, l.currency_code)}` : ""}) · VAT on commission {formatMinor(l.commission_vat ?? 0, l.currency_code)} · net{" "}
            <strong>{formatMinor(l.net, l.currency_code)}</strong>
          </Text>
          <Badge size="2xsmall" color={l.released_at ? "green" : l.release_after ? "orange" : "grey"}>
            {l.released_at ? `released ${formatDate(l.released_at)}` : l.release_after ? `release after ${formatDate(l.release_after)}` : "in escrow"}
          </Badge>
        </div>
      ))}
    </div>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default MarketplaceSplitWidget
