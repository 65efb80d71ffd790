"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useParams } from "next/navigation"
import { useEffect, useState } from "react"
import { OrderLines } from "@/components/orders/OrderLines"
import { OrderTotals } from "@/components/orders/OrderTotals"
import { TaxInvoices } from "@/components/orders/TaxInvoices"
import { ErrorMessage, Loading } from "@/components/Status"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"
import { ORDER_FIELDS, statusOf } from "@/lib/orders"
import { requireSdk } from "@/lib/sdk"

export default function OrderPage() {
  const { t, intlLocale } = useI18n()
  const params = useParams<{ id: string }>()
  const id = params.id
  const { hydrated, token } = useCustomer()
  const [placed, setPlaced] = useState(false)

  useEffect(() => {
    setPlaced(new URLSearchParams(window.location.search).has("placed"))
  }, [])

  const order = useQuery({
    queryKey: ["orders", id, "order"],
    enabled: hydrated && !!token,
    retry: (n, err) => statusOf(err) !== 404 && statusOf(err) !== 401 && n < 2,
    queryFn: async () => (await requireSdk().store.order.retrieve(id, { fields: ORDER_FIELDS })).order,
  })

  if (!hydrated) return <Loading />
  if (!token) {
    return (
      <p data-testid="order-sign-in">
        {t("order.signInRequired")}{" "}
        <Link href={`/account/login?next=${encodeURIComponent(`/orders/${id}`)}`}>{t("nav.signIn")}</Link>
      </p>
    )
  }
  if (order.error) {
    return statusOf(order.error) === 404 ? (
      <p data-testid="order-not-found">{t("order.notFound")}</p>
    ) : (
      <ErrorMessage error={order.error} />
    )
  }
  if (!order.data) return <Loading />
  const o = order.data
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "long", timeStyle: "short" })

  return (
    <article className="order-page" data-testid="order-page" data-order-id={o.id}>
      {placed && (
        <p className="success-banner" role="status" data-testid="order-placed">
          {t("order.placed")}
        </p>
      )}
      <h1 data-testid="order-number">{t("order.heading", { id: o.display_id ?? o.id })}</h1>
      <p className="muted">
        <time dateTime={String(o.created_at)}>{t("order.placedOn", { date: date.format(new Date(o.created_at as string)) })}</time>
        {o.email && (
          <>
            {" · "}
            <span dir="ltr">{o.email}</span>
          </>
        )}
      </p>
      <OrderLines orderId={o.id} currencyCode={o.currency_code} />
      <OrderTotals
        currencyCode={o.currency_code}
        rows={[
          ["checkout.subtotal", o.item_subtotal ?? o.subtotal],
          ["checkout.shippingTotal", o.shipping_total],
          ["checkout.discount", o.discount_total ? -o.discount_total : 0],
          ["checkout.tax", o.tax_total],
        ]}
        total={o.total}
      />
      <TaxInvoices orderId={o.id} />
    </article>
  )
}
