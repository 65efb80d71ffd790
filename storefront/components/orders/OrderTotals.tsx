"use client"

import type { MessageKey } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"
import { formatMinor, type MoneySummary } from "@/lib/money"
import type { OrderBalance } from "@/lib/order-money"

/**
 * Items, delivery, discount, tax and total of a cart or an order (lib/money.ts `summarize`: the rows
 * add up to the total to the minor unit). With `balance` (an order whose lines changed), the
 * cancellations, fees kept and refunds follow as rows, then what the order comes to and what the
 * card has been charged so far.
 */
export function OrderTotals({ currencyCode, summary, balance }: { currencyCode: string; summary: MoneySummary; balance?: OrderBalance | null }) {
  const { t, intlLocale } = useI18n()
  const money = (minor: number) => formatMinor(minor, currencyCode, intlLocale)
  const rows: [MessageKey, number, string][] = [
    ["checkout.subtotal", summary.items, "subtotal"],
    ["checkout.shippingTotal", summary.delivery, "shippingTotal"],
    ["checkout.discount", -summary.discount, "discount"],
    ["checkout.tax", summary.tax, "tax"],
  ]
  const changed = !!balance && balance.adjustments.length > 0
  return (
    <dl className="totals" data-testid="totals" data-total-minor={summary.total}>
      {rows
        .filter(([key, amount]) => key === "checkout.subtotal" || amount !== 0)
        .map(([key, amount, id]) => (
          <div key={key} className="totals-row" data-testid={`total-${id}`} data-minor={amount}>
            <dt>{t(key)}</dt>
            <dd>{money(amount)}</dd>
          </div>
        ))}
      <div className={`totals-row ${changed ? "" : "grand"}`}>
        <dt>{t(changed ? "order.placedTotal" : "checkout.total")}</dt>
        <dd data-testid="total-amount" data-minor={summary.total}>{money(summary.total)}</dd>
      </div>
      {changed &&
        balance.adjustments.map((a, i) => (
          <div key={`${a.kind}-${a.line_id}-${i}`} className="totals-row adjustment" data-testid={`total-adjustment-${a.kind}`} data-minor={a.amount}>
            <dt dir="auto">{t(`order.adj.${a.kind}` as MessageKey, { title: a.title })}</dt>
            <dd>{money(a.amount)}</dd>
          </div>
        ))}
      {changed && (
        <div className="totals-row grand">
          <dt>{t("order.payable")}</dt>
          <dd data-testid="total-payable" data-minor={balance.payable}>{money(balance.payable)}</dd>
        </div>
      )}
      {balance && (
        <div className="totals-row muted">
          <dt>{t("order.charged")}</dt>
          <dd data-testid="total-charged" data-minor={balance.charged}>{money(balance.charged)}</dd>
        </div>
      )}
    </dl>
  )
}
