"use client"

import { useQuery, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useParams } from "next/navigation"
import { useCallback, useEffect, useState } from "react"
import { SlotPicker } from "@/components/booking/SlotPicker"
import { KindBadge } from "@/components/KindBadge"
import { SoldBy } from "@/components/SoldBy"
import { ErrorMessage, Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney, variantPrice } from "@/lib/money"
import { listProducts, PRODUCT_FIELDS } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type AddState = "idle" | "adding" | "added" | { error: unknown }

export default function ProductPage() {
  const { handle } = useParams<{ handle: string }>()
  const { t, intlLocale } = useI18n()
  const { region, addItem } = useStore()
  const [variantId, setVariantId] = useState<string>("")
  const [addState, setAddState] = useState<AddState>("idle")
  // Services with a schedule are booked by slot (docs/booking.md).
  const [slot, setSlot] = useState<string | null>(null)
  const [bookable, setBookable] = useState(false)
  const qc = useQueryClient()
  useEffect(() => setSlot(null), [variantId])
  const onSlotInfo = useCallback((info?: { bookable: boolean }) => setBookable(!!info?.bookable), [])

  const query = useQuery({
    queryKey: ["product", handle, region?.id],
    enabled: !!region && !!handle,
    // The store API has no "by handle" route; filter the list instead.
    queryFn: async () =>
      (await listProducts({ handle, region_id: region!.id, fields: PRODUCT_FIELDS, limit: 1 })).products[0] ??
      null,
  })
  const product = query.data

  // Preselect the first variant that has a price in the current region.
  const variants = product?.variants ?? []
  useEffect(() => {
    if (!variants.some((v) => v.id === variantId)) {
      setVariantId((variants.find((v) => variantPrice(v)) ?? variants[0])?.id ?? "")
    }
  }, [variants, variantId])

  if (query.error) return <ErrorMessage error={query.error} />
  if (query.data === undefined) return <Loading />
  if (!product) {
    return (
      <p data-testid="product-not-found">
        {t("product.notFound")} <Link href="/">{t("product.back")}</Link>
      </p>
    )
  }

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
        qc.invalidateQueries({ queryKey: ["slots", product!.id] })
      }
    } catch (error) {
      setAddState({ error })
    }
  }

  return (
    <article className="product" data-testid="product-page" data-kind={product.kind ?? ""}>
      <div className="product-media">
        {product.thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={product.thumbnail} alt={product.title} className="product-image" />
        ) : (
          <div className="product-image placeholder" aria-hidden />
        )}
      </div>
      <div className="product-info">
        <Link href="/" className="back-link">{t("product.back")}</Link>
        <KindBadge kind={product.kind} />
        <h1 data-testid="product-title" dir="auto">{product.title}</h1>
        <SoldBy merchant={product.merchant} testId="product-merchant" />
        {product.description && <p className="product-description" dir="auto">{product.description}</p>}

        {variants.length > 1 && (
          <label className="field">
            <span>{t("product.variant")}</span>
            <select data-testid="variant-select" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
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
          <SlotPicker productId={product.id} variantId={variantId || undefined} value={slot} onInfo={onSlotInfo}
            onChange={(s) => { setSlot(s); setAddState("idle") }} />
        )}

        <button
          type="button"
          className="button primary"
          data-testid="add-to-cart"
          disabled={!price || addState === "adding" || (bookable && !slot)}
          onClick={onAdd}
        >
          {addState === "adding" ? t("product.adding") : t("product.addToCart")}
        </button>
        <div aria-live="polite" data-testid="add-to-cart-status">
          {addState === "added" && <p className="success">{t("product.added")}</p>}
          {bookable && !slot && addState !== "added" && <p className="muted" data-testid="slot-required">{t("booking.slotRequired")}</p>}
          {typeof addState === "object" && <ErrorMessage error={addState.error} />}
        </div>
      </div>
    </article>
  )
}
