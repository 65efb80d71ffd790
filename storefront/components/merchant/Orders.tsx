"use client"

import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { merchantApi } from "@/lib/merchant-api"
import { formatMoney } from "@/lib/money"
import { ApiErrorBox } from "./ui"
import { useMerchantQuery } from "./use-merchant-query"

/** The merchant's scoped view of orders: only its own lines and its own subtotal. */
export function OrdersSection() {
  const { t, intlLocale } = useI18n()
  const orders = useMerchantQuery("orders", merchantApi.orders)
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })

  return (
    <section className="portal-section" data-testid="merchant-orders">
      <h2>{t("portal.orders.heading")}</h2>
      {orders.error ? (
        <ApiErrorBox error={orders.error} />
      ) : !orders.data ? (
        <Loading />
      ) : orders.data.orders.length === 0 ? (
        <p className="muted" data-testid="merchant-orders-empty">{t("portal.orders.empty")}</p>
      ) : (
        <ul className="order-list">
          {orders.data.orders.map((o) => (
            <li key={o.id} className="order" data-testid="merchant-order-row" data-order-id={o.id} data-display-id={o.display_id}>
              <div className="order-head">
                <strong data-testid="merchant-order-number">{t("portal.orders.number", { id: o.display_id })}</strong>
                <time dateTime={o.created_at} className="muted">{date.format(new Date(o.created_at))}</time>
                {o.email && <span className="muted" dir="ltr">{o.email}</span>}
              </div>
              <ul className="order-items">
                {o.items.map((item) => (
                  <li key={item.id} data-testid="merchant-order-item">
                    <span dir="auto">{item.product_title ?? item.title}</span>
                    {(item.variant_title ?? item.subtitle) && (
                      <span className="muted" dir="auto"> · {item.variant_title ?? item.subtitle}</span>
                    )}
                    <span className="muted">
                      {" "}
                      × {item.quantity} · {formatMoney(item.unit_price, o.currency_code, intlLocale)}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="order-total">
                {t("portal.orders.subtotal")}:{" "}
                <strong data-testid="merchant-order-subtotal">{formatMoney(o.merchant_subtotal, o.currency_code, intlLocale)}</strong>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
