"use client"

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useParams } from "next/navigation"
import { useEffect, useState } from "react"
import { GuestItems } from "@/components/orders/GuestItems"
import { OrderLines } from "@/components/orders/OrderLines"
import { OrderTotals } from "@/components/orders/OrderTotals"
import { TaxInvoices } from "@/components/orders/TaxInvoices"
import { ErrorMessage, Loading } from "@/components/Status"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"
import { listOrderLines, ORDER_FIELDS, orderLinesKey, statusOf } from "@/lib/orders"
import { summarize, toMinorUnits } from "@/lib/money"
import { orderBalance, type PaymentForMoney } from "@/lib/order-money"
import { localeHeaders, requireSdk } from "@/lib/sdk"

export default function OrderPage() {
  const { t, intlLocale, locale } = useI18n()
  const params = useParams<{ id: string }>()
  const id = params.id
  const { hydrated, token, customer } = useCustomer()
  const qc = useQueryClient()
  const [placed, setPlaced] = useState(false)
  // The order's signed link (confirmation page, emailed link): a guest reads the order with it.
  const [linkToken, setLinkToken] = useState<string | null>(null)

  useEffect(() => {
    const search = new URLSearchParams(window.location.search)
    setPlaced(search.has("placed"))
    setLinkToken(search.get("token"))
  }, [])

  const order = useQuery({
    // Item names come in the reader's language (issue 21): one cache entry per language.
    queryKey: ["orders", id, "order", token, linkToken, locale],
    enabled: hydrated && (!!token || !!linkToken),
    retry: (n, err) => statusOf(err) !== 404 && statusOf(err) !== 401 && n < 2,
    queryFn: async () =>
      (await requireSdk().store.order.retrieve(id, { fields: `${ORDER_FIELDS},customer_id`, ...(linkToken ? { token: linkToken } : {}) } as never, localeHeaders(locale))).order,
  })

  // Signed in and holding the link of an order that is not in this account: offer to add it.
  const claim = useMutation({
    mutationFn: () => requireSdk().client.fetch(`/store/orders/${id}/claim`, { method: "POST", body: { token: linkToken } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ["orders"] })
      qc.invalidateQueries({ queryKey: ["courses"] })
    },
  })

  const owns = !!customer && (order.data as { customer_id?: string | null } | undefined)?.customer_id === customer.id
  // The lines' money (captured, refunded, state) for the totals; the same query as the lines list.
  const lines = useQuery({
    queryKey: orderLinesKey(id, locale),
    enabled: !!token && (owns || claim.isSuccess),
    queryFn: () => listOrderLines(id, locale),
  })

  if (!hydrated) return <Loading />
  if (!token && !linkToken) {
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
  const summary = summarize(o, o.currency_code)
  const balance = lines.data
    ? orderBalance(
        summary.total,
        Object.fromEntries((o.items ?? []).map((i) => [i.id, toMinorUnits(i.total, o.currency_code)])),
        toMinorUnits(o.shipping_total, o.currency_code),
        lines.data,
        (o as { payment_collections?: PaymentForMoney[] | null }).payment_collections ?? [],
        o.currency_code
      )
    : null

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
            <bdi dir="ltr" className="ltr-run" data-testid="order-email">{o.email}</bdi>
          </>
        )}
      </p>
      {linkToken && !token && (
        <p className="notice" data-testid="order-guest">
          {t("order.guestKeep")}{" "}
          <Link href={`/account/login?next=${encodeURIComponent(`/orders/${id}?token=${linkToken}`)}`} data-testid="order-guest-sign-in">
            {t("order.guestSignIn")}
          </Link>
        </p>
      )}
      {/* Stays after a claim (the order is then owned) to say it worked. */}
      {linkToken && customer && (!owns || claim.isSuccess) && (
        <div className="notice" data-testid="order-guest">
          {claim.isSuccess ? (
            <p className="success" role="status" data-testid="order-claimed">
              {t("order.claimed")}
            </p>
          ) : (
            <button type="button" className="button primary" disabled={claim.isPending} onClick={() => claim.mutate()} data-testid="order-claim">
              {t("order.claim")}
            </button>
          )}
          {claim.error && <ErrorMessage error={claim.error} />}
        </div>
      )}
      {token && (owns || claim.isSuccess) ? (
        <OrderLines orderId={o.id} currencyCode={o.currency_code} />
      ) : token && !customer ? (
        <Loading />
      ) : linkToken ? (
        <OrderLines orderId={o.id} currencyCode={o.currency_code} linkToken={linkToken} />
      ) : (
        <GuestItems order={o} />
      )}
      <OrderTotals currencyCode={o.currency_code} summary={summary} balance={balance} />
      {/* Tax invoices are the signed-in buyer's (a guest gets them by e-mail). */}
      {token && <TaxInvoices orderId={o.id} />}
    </article>
  )
}
