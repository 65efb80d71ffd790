import { percentOf, toMinor } from "./money"

/**
 * The quantity of an order line item as a whole number. Orders placed from a cart keep it on the
 * item's detail; query may also hand back a BigNumber-like object.
 */
export function lineQuantity(item: { quantity?: unknown; detail?: { quantity?: unknown } | null }): number {
  const raw: any = item.quantity ?? item.detail?.quantity
  const n = Number(typeof raw === "object" && raw !== null ? raw.numeric ?? raw.value : raw)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Unreadable line quantity: ${JSON.stringify(raw)}`)
  return n
}

type ItemMoney = {
  unit_price?: unknown
  quantity?: unknown
  detail?: { quantity?: unknown } | null
  is_tax_inclusive?: boolean | null
  adjustments?: ({ amount?: unknown } | null)[] | null
  tax_lines?: ({ rate?: unknown } | null)[] | null
}

/**
 * What the buyer pays for a line, in minor units: unit price × quantity, less the line's promotion
 * adjustments, plus its taxes (unless prices include tax). This is the most a line may capture.
 * Taxes are rounded half up per line, as Medusa's tax lines are per line.
 */
export function lineAmountMinor(item: ItemMoney, currency: string): number {
  const subtotal = toMinor((item.unit_price as any) ?? 0, currency) * lineQuantity(item)
  const discount = (item.adjustments ?? []).reduce((s, a) => s + (a ? toMinor((a.amount as any) ?? 0, currency) : 0), 0)
  const taxable = Math.max(0, subtotal - discount)
  if (item.is_tax_inclusive) return taxable
  // A rate of 7.5 (%) is 750 basis points.
  const tax = (item.tax_lines ?? []).reduce((s, t) => s + (t ? percentOf(taxable, toMinor((t.rate as any) ?? 0, "eur")) : 0), 0)
  return taxable + tax
}

/** Fields `lineAmountMinor` needs, for query.graph on an order. */
export const LINE_AMOUNT_FIELDS = [
  "items.unit_price", "items.quantity", "items.detail.quantity", "items.is_tax_inclusive",
  "items.adjustments.amount", "items.tax_lines.rate",
]
