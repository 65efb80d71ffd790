"use client"

import Link from "next/link"
import { useState } from "react"
import { ErrorMessage, Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney } from "@/lib/money"
import type { LineItem } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

export default function CartPage() {
  const { t, intlLocale } = useI18n()
  const { cart, cartLoading, setQuantity, removeItem } = useStore()
  const [busyLine, setBusyLine] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  // Serialises edits per line and surfaces server errors (e.g. out of stock).
  async function edit(line: LineItem, action: () => Promise<void>) {
    setBusyLine(line.id)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e)
    } finally {
      setBusyLine(null)
    }
  }

  if (cartLoading) return <Loading />
  const items = cart?.items ?? []
  const money = (amount: number | null | undefined) =>
    cart && amount != null ? formatMoney(amount, cart.currency_code, intlLocale) : ""

  return (
    <>
      <h1>{t("cart.heading")}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {items.length === 0 ? (
        <p className="muted" data-testid="cart-empty">
          {t("cart.empty")} <Link href="/">{t("product.back")}</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines">
            {items.map((line) => (
              <li key={line.id} className="cart-line" data-testid="cart-line" data-variant-id={line.variant_id ?? ""}>
                {line.thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={line.thumbnail} alt="" className="cart-thumb" />
                ) : (
                  <div className="cart-thumb placeholder" aria-hidden />
                )}
                <div className="cart-line-info">
                  <div className="cart-line-title" data-testid="cart-line-title" dir="auto">{line.product_title ?? line.title}</div>
                  {line.variant_title && <div className="muted">{line.variant_title}</div>}
                  <div className="muted">{money(line.unit_price)}</div>
                </div>
                <div className="qty" aria-label={t("cart.quantity")}>
                  <button
                    type="button"
                    aria-label={t("cart.decrease")}
                    disabled={busyLine === line.id || line.quantity <= 1}
                    onClick={() => edit(line, () => setQuantity(line.id, line.quantity - 1))}
                  >
                    −
                  </button>
                  <span data-testid="cart-line-quantity">{line.quantity}</span>
                  <button
                    type="button"
                    aria-label={t("cart.increase")}
                    disabled={busyLine === line.id}
                    onClick={() => edit(line, () => setQuantity(line.id, line.quantity + 1))}
                  >
                    +
                  </button>
                </div>
                <div className="cart-line-total">{money(line.subtotal)}</div>
                <button
                  type="button"
                  className="button"
                  data-testid="cart-line-remove"
                  disabled={busyLine === line.id}
                  onClick={() => edit(line, () => removeItem(line.id))}
                >
                  {t("cart.remove")}
                </button>
              </li>
            ))}
          </ul>
          <p className="cart-subtotal">
            <span>{t("cart.subtotal")}</span>{" "}
            <strong data-testid="cart-subtotal">{money(cart?.item_subtotal ?? cart?.subtotal)}</strong>
          </p>
          <p className="cart-actions">
            <Link href="/checkout" className="button primary" data-testid="go-to-checkout">
              {t("cart.checkout")}
            </Link>
          </p>
        </>
      )}
    </>
  )
}
