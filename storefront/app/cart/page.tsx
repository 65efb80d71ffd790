"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useState } from "react"
import { KindBadge } from "@/components/KindBadge"
import { SoldBy } from "@/components/SoldBy"
import { ErrorMessage, Loading } from "@/components/Status"
import { fetchSlots, formatDateTime, localZone, zoneName } from "@/lib/booking"
import { useI18n } from "@/lib/i18n-context"
import { localePath } from "@/lib/locale-path"
import { formatMinor, lineMoney, summarize } from "@/lib/money"
import { localizeProduct } from "@/lib/product-translation"
import { listProducts, PRODUCT_FIELDS, type LineItem, type Product } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type SlotMeta = { slot_start?: string; slot_end?: string; slot_timezone?: string }

export default function CartPage() {
  const { t, intlLocale, locale } = useI18n()
  const { cart, cartLoading, setQuantity, removeItem } = useStore()
  const [busyLine, setBusyLine] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const items = cart?.items ?? []

  // The cart's products as the store API tells them: kind and seller (the cart itself has neither).
  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))].sort()
  const products = useQuery({
    queryKey: ["cart-products", productIds.join(","), cart?.region_id, locale],
    enabled: productIds.length > 0,
    queryFn: async () => (await listProducts({ id: productIds, region_id: cart?.region_id ?? undefined, fields: PRODUCT_FIELDS, limit: productIds.length })).products,
    staleTime: 60_000,
  })
  // In the reader's language: the store API's translation, then the merchant's own (as on the product page).
  const productOf = (line: LineItem): Product | undefined => {
    const found = products.data?.find((p) => p.id === line.product_id)
    return found ? localizeProduct(found, locale) : undefined
  }
  // The line keeps the names as they were when added; the product answers in the reader's language.
  const variantTitle = (line: LineItem, product: Product | undefined) => {
    if (!line.variant_title || line.variant_title === "Default") return null
    return product?.variants?.find((v) => v.id === line.variant_id)?.title ?? line.variant_title
  }

  // Serialises edits per line and surfaces server errors (e.g. out of stock, slot full).
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
  const currency = cart?.currency_code ?? "eur"
  const minor = (m: number) => formatMinor(m, currency, intlLocale)

  return (
    <>
      <h1>{t("cart.heading")}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {items.length === 0 ? (
        <p className="muted" data-testid="cart-empty">
          {t("cart.empty")} <Link href={localePath(locale, "/")}>{t("product.back")}</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines">
            {items.map((line) => {
              const product = productOf(line)
              const m = lineMoney(line, currency)
              const slot = (line.metadata ?? {}) as SlotMeta
              return (
                <li key={line.id} className="cart-line" data-testid="cart-line" data-variant-id={line.variant_id ?? ""} data-kind={product?.kind ?? ""}>
                  {line.thumbnail ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={line.thumbnail} alt="" className="cart-thumb" />
                  ) : (
                    <div className="cart-thumb placeholder" aria-hidden />
                  )}
                  <div className="cart-line-info">
                    <div className="cart-line-title" data-testid="cart-line-title" dir="auto">
                      {product?.kind && <KindBadge kind={product.kind} />} <bdi>{product?.title ?? line.product_title ?? line.title}</bdi>
                    </div>
                    {variantTitle(line, product) && <div className="muted" dir="auto">{variantTitle(line, product)}</div>}
                    <SoldBy merchant={product?.merchant} testId="cart-line-seller" />
                    {slot.slot_start && slot.slot_timezone && <SlotTimes start={slot.slot_start} zone={slot.slot_timezone} />}
                    <div className="muted cart-line-meta" data-testid="cart-line-price" data-minor={m.unit}>
                      {m.quantity > 1 ? t("money.unitTimes", { price: minor(m.unit), count: m.quantity }) : minor(m.unit)}
                      {m.discount !== 0 && <span data-testid="cart-line-discount" data-minor={-m.discount}> · {t("money.discount")} {minor(-m.discount)}</span>}
                      {m.tax !== 0 && <span data-testid="cart-line-tax" data-minor={m.tax}> · {t("money.tax")} {minor(m.tax)}</span>}
                    </div>
                  </div>
                  <Quantity line={line} kind={product?.kind ?? null} slot={slot} busy={busyLine === line.id} onChange={(q) => edit(line, () => setQuantity(line.id, q))} />
                  <div className="cart-line-total" data-testid="cart-line-total" data-minor={m.total}>{minor(m.total)}</div>
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
              )
            })}
          </ul>
          {cart && (
            <p className="cart-subtotal">
              <span>{t("cart.subtotal")}</span>{" "}
              <strong data-testid="cart-subtotal" data-minor={summarize(cart, currency).items}>{minor(summarize(cart, currency).items)}</strong>
            </p>
          )}
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

/** A service line's slot: in the schedule's zone (named in words) and in the buyer's own time. */
function SlotTimes({ start, zone }: { start: string; zone: string }) {
  const { t, intlLocale } = useI18n()
  const mine = localZone()
  return (
    <div className="cart-line-meta" data-testid="cart-line-slot" data-start={start} data-zone={zone}>
      <bdi>{t("cart.slotSchedule", { time: formatDateTime(start, zone, intlLocale), zone: zoneName(zone, intlLocale, new Date(start)) })}</bdi>
      {mine !== zone && (
        <div className="muted" data-testid="cart-line-slot-local">
          <bdi>{t("cart.slotLocal", { time: formatDateTime(start, mine, intlLocale) })}</bdi>
        </div>
      )}
    </div>
  )
}

/**
 * Quantity by kind: a course is bought once (no buttons); a service's seats in its slot go up to the
 * places still free (the server refuses more with SLOT_CAPACITY_EXCEEDED, so "+" is not offered);
 * goods as stock allows (the server says when not).
 */
function Quantity({ line, kind, slot, busy, onChange }: { line: LineItem; kind: string | null; slot: SlotMeta; busy: boolean; onChange: (q: number) => void }) {
  const { t } = useI18n()
  const seats = useQuery({
    queryKey: ["cart-slot", line.product_id, line.variant_id, slot.slot_start, line.quantity],
    enabled: kind === "SERVICE" && !!slot.slot_start && !!line.product_id,
    queryFn: async () => {
      const res = await fetchSlots(line.product_id!, { variantId: line.variant_id ?? undefined, from: new Date(slot.slot_start!), days: 1 })
      // Our own held seats are taken already: the slot's free places come on top of them.
      return res.slots.find((s) => s.start_at === slot.slot_start)?.remaining ?? 0
    },
  })
  if (kind === "COURSE") {
    return (
      <div className="qty" data-testid="cart-line-once">
        <span className="visually-hidden">{t("cart.quantity")}</span>
        <span data-testid="cart-line-quantity">{line.quantity}</span>
        <small className="muted">{t("cart.courseOnce")}</small>
      </div>
    )
  }
  const waitingForSeats = kind === "SERVICE" && !!slot.slot_start && seats.data === undefined
  const full = kind === "SERVICE" && !!slot.slot_start && (seats.data ?? 0) <= 0
  return (
    <div className="qty" role="group" aria-label={t("cart.quantity")}>
      <button type="button" aria-label={t("cart.decrease")} disabled={busy || line.quantity <= 1} onClick={() => onChange(line.quantity - 1)}>
        −
      </button>
      <span data-testid="cart-line-quantity">{line.quantity}</span>
      <button
        type="button"
        aria-label={t("cart.increase")}
        data-testid="cart-line-increase"
        disabled={busy || waitingForSeats || full}
        onClick={() => onChange(line.quantity + 1)}
      >
        +
      </button>
      {kind === "SERVICE" && seats.data !== undefined && (
        <small className="muted" data-testid="cart-line-seats-left" data-count={seats.data}>{t("cart.seatsLeft", { count: seats.data })}</small>
      )}
    </div>
  )
}
