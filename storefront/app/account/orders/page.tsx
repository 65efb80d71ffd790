"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { ErrorMessage, Loading } from "@/components/Status"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney } from "@/lib/money"
import { ORDER_FIELDS } from "@/lib/orders"
import { localeHeaders, requireSdk } from "@/lib/sdk"

export default function AccountOrdersPage() {
  const { t, intlLocale, locale } = useI18n()
  const router = useRouter()
  const { hydrated, token, customer, logout } = useCustomer()
  const orders = useQuery({
    // Item names come in the reader's language (issue 21): one cache entry per language.
    queryKey: ["orders", "list", token, locale],
    enabled: hydrated && !!token,
    queryFn: async () =>
      (await requireSdk().store.order.list({ fields: ORDER_FIELDS, limit: 50, order: "-created_at" }, localeHeaders(locale))).orders,
  })

  if (!hydrated) return <Loading />
  if (!token) {
    return (
      <p data-testid="orders-sign-in">
        {t("account.signInRequired")} <Link href="/account/login">{t("nav.signIn")}</Link>
      </p>
    )
  }
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium" })
  return (
    <section data-testid="account-orders">
      <div className="page-head">
        <h1>{t("account.orders.heading")}</h1>
        <Link href="/account/bookings" data-testid="bookings-link">{t("booking.heading")}</Link>
        {customer && (
          <span className="muted" data-testid="account-signed-in">
            {t("account.signedInAs", { email: customer.email })}
          </span>
        )}
        <button
          type="button"
          className="button"
          data-testid="sign-out"
          onClick={async () => {
            await logout()
            router.push("/")
          }}
        >
          {t("account.signOut")}
        </button>
      </div>
      {orders.error ? (
        <ErrorMessage error={orders.error} />
      ) : !orders.data ? (
        <Loading />
      ) : orders.data.length === 0 ? (
        <p className="muted" data-testid="orders-empty">{t("account.orders.empty")}</p>
      ) : (
        <ul className="order-list">
          {orders.data.map((o) => (
            <li key={o.id} className="order" data-testid="account-order-row" data-order-id={o.id}>
              <div className="order-head">
                <Link href={`/orders/${o.id}`} data-testid="account-order-link">
                  <strong>{t("order.heading", { id: o.display_id ?? o.id })}</strong>
                </Link>
                <time dateTime={String(o.created_at)} className="muted">{date.format(new Date(o.created_at as string))}</time>
                <span className="muted">{t("order.items", { count: (o.items ?? []).reduce((n, i) => n + Number(i.quantity), 0) })}</span>
              </div>
              <ul className="order-items">
                {(o.items ?? []).map((item) => (
                  <li key={item.id} dir="auto">
                    {item.product_title ?? item.title}
                    {item.variant_title ? <span className="muted"> · {item.variant_title}</span> : null}
                  </li>
                ))}
              </ul>
              <div className="order-total">
                {t("order.total")}: <strong>{formatMoney(o.total, o.currency_code, intlLocale)}</strong>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
