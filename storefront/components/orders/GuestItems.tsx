"use client"

import { useI18n } from "@/lib/i18n-context"
import { formatMoney } from "@/lib/money"
import type { StoreOrder } from "@/lib/orders"

/**
 * A guest's view of the items (from the order itself): the line states and their actions need
 * an account, so they appear once the order is in one.
 */
export function GuestItems({ order }: { order: StoreOrder }) {
  const { t, intlLocale } = useI18n()
  return (
    <section aria-labelledby="guest-items">
      <h2 id="guest-items">{t("order.lines")}</h2>
      <ul className="order-lines" data-testid="order-items">
        {(order.items ?? []).map((item) => (
          <li key={item.id} className="order-line" data-testid="order-item">
            <span dir="auto">{item.product_title ?? item.title}</span>
            {item.variant_title && item.variant_title !== "Default" && (
              <span className="muted" dir="auto">
                {" "}
                · {item.variant_title}
              </span>
            )}
            <span className="muted"> · {t("order.quantity", { count: item.quantity })}</span>
            <span> · {formatMoney(item.total ?? 0, order.currency_code, intlLocale)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
