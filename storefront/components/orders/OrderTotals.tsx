"use client"

import type { MessageKey } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney } from "@/lib/money"

type Amount = number | string | null | undefined

/** Subtotal, delivery, discount, tax and total of a cart or an order, in its currency. */
export function OrderTotals({ currencyCode, rows, total }: { currencyCode: string; rows: [MessageKey, Amount][]; total: Amount }) {
  const { t, intlLocale } = useI18n()
  const money = (a: Amount) => formatMoney(a ?? 0, currencyCode, intlLocale)
  return (
    <dl className="totals" data-testid="totals">
      {rows
        .filter(([key, amount]) => key === "checkout.subtotal" || (amount != null && Number(amount) !== 0))
        .map(([key, amount]) => (
          <div key={key} className="totals-row" data-testid={`total-${key.split(".")[1]}`}>
            <dt>{t(key)}</dt>
            <dd>{money(amount)}</dd>
          </div>
        ))}
      <div className="totals-row grand">
        <dt>{t("checkout.total")}</dt>
        <dd data-testid="total-amount">{money(total)}</dd>
      </div>
    </dl>
  )
}
