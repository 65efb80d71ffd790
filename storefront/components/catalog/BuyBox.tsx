"use client"

import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useState } from "react"
import { SlotPicker } from "@/components/booking/SlotPicker"
import { ErrorMessage } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney, variantPrice } from "@/lib/money"
import type { Product } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type AddState = "idle" | "adding" | "added" | { error: unknown }

/**
 * The interactive part of a server-rendered product page: option choice, the slot of a
 * bookable service, add to cart. The product (priced in the buyer's region) comes from the server.
 */
export function BuyBox({ product }: { product: Product }) {
  const { t, intlLocale } = useI18n()
  const { addItem, hydrated } = useStore()
  const qc = useQueryClient()
  const variants = product.variants ?? []
  // Preselect the first variant that has a price in the current region.
  const [variantId, setVariantId] = useState<string>(() => (variants.find((v) => variantPrice(v)) ?? variants[0])?.id ?? "")
  const [addState, setAddState] = useState<AddState>("idle")
  // Services with a schedule are booked by slot (docs/booking.md).
  const [slot, setSlot] = useState<string | null>(null)
  const [bookable, setBookable] = useState(false)
  useEffect(() => setSlot(null), [variantId])
  useEffect(() => {
    // A refresh after a region change brings new variants/prices: keep a valid choice.
    if (!variants.some((v) => v.id === variantId)) setVariantId((variants.find((v) => variantPrice(v)) ?? variants[0])?.id ?? "")
  }, [variants, variantId])
  const onSlotInfo = useCallback((info?: { bookable: boolean }) => setBookable(!!info?.bookable), [])

  const variant = variants.find((v) => v.id === variantId)
  const price = variantPrice(variant)

  async function onAdd() {
    if (!variant) return
    setAddState("adding")
    try {
      await addItem(variant.id, 1, bookable && slot ? { slot_start: slot } : undefined)
      setAddState("added")
      if (bookable) {
        setSlot(null)
        qc.invalidateQueries({ queryKey: ["slots", product.id] })
      }
    } catch (error) {
      setAddState({ error })
    }
  }

  return (
    <div className="buy-box">
      {variants.length > 1 && (
        <label className="field">
          <span>{t("product.variant")}</span>
          <select data-testid="variant-select" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
            {variants.map((v) => (
              <option key={v.id} value={v.id} dir="auto">
                {v.title}
              </option>
            ))}
          </select>
        </label>
      )}

      <p className="product-price" data-testid="product-price">
        {price ? formatMoney(price.amount, price.currency, intlLocale) : t("product.noPrice")}
      </p>

      {product.kind === "SERVICE" && (
        <SlotPicker
          productId={product.id}
          variantId={variantId || undefined}
          value={slot}
          onInfo={onSlotInfo}
          onChange={(s) => {
            setSlot(s)
            setAddState("idle")
          }}
        />
      )}

      <div className="sticky-buy">
        {price && <span className="sticky-price" aria-hidden>{formatMoney(price.amount, price.currency, intlLocale)}</span>}
        <button
          type="button"
          className="button primary"
          data-testid="add-to-cart"
          disabled={!hydrated || !price || addState === "adding" || (bookable && !slot)}
          onClick={onAdd}
        >
          {addState === "adding" ? t("product.adding") : t("product.addToCart")}
        </button>
      </div>
      <div aria-live="polite" data-testid="add-to-cart-status">
        {addState === "added" && <p className="success">{t("product.added")}</p>}
        {bookable && !slot && addState !== "added" && (
          <p className="muted" data-testid="slot-required">
            {t("booking.slotRequired")}
          </p>
        )}
        {typeof addState === "object" && <ErrorMessage error={addState.error} />}
      </div>
    </div>
  )
}
