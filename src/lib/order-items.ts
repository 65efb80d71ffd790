import { allocate, currencyExponent, percentOf, toMinor, toScaledInteger } from "./money"

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
  adjustments?: ({ amount?: unknown; version?: number | null; promotion_id?: string | null } | null)[] | null
  tax_lines?: ({ rate?: unknown } | null)[] | null
}

/**
 * What the buyer pays for a line, in minor units: unit price × quantity, less the line's promotion
 * adjustments, plus its taxes (unless prices include tax). This is the most a line may capture.
 * Taxes are rounded half up per line, as Medusa's tax lines are per line.
 */
export function lineAmountMinor(item: ItemMoney, currency: string): number {
  const subtotal = toMinor((item.unit_price as any) ?? 0, currency) * lineQuantity(item)
  const discount = currentAdjustments(item).reduce((s, a) => s + (a ? toMinor((a.amount as any) ?? 0, currency) : 0), 0)
  const taxable = Math.max(0, subtotal - discount)
  if (item.is_tax_inclusive) return taxable
  // A rate of 7.5 (%) is 750 basis points.
  const tax = (item.tax_lines ?? []).reduce((s, t) => s + (t ? percentOf(taxable, toMinor((t.rate as any) ?? 0, "eur")) : 0), 0)
  return taxable + tax
}

export type ItemAmounts = {
  subtotal: number
  discount: number
  /** The part of `discount` the platform funds (issue 17 §3); the rest is the merchant's. */
  platform_discount: number
  taxable: number
  tax: number
  total: number
}

/** Whether the platform funds a promotion's discount (false: the merchant does). */
export type PlatformFunded = (promotionId: string | null | undefined) => boolean

// Adjustments are weighed with this many extra decimals, so fractional promotion shares stay exact.
const WEIGHT_EXTRA_DECIMALS = 6

/**
 * Every item's amounts in minor units, with the order's promotion discount allocated across the
 * items by largest remainder (DESIGN.md §3): Medusa spreads an order-level promotion over the items
 * in fractions of a cent; we round the order's total discount once and hand out whole minor units in
 * proportion to those fractions, so the items' discounts add up exactly to the order's. Taxes are
 * then computed per line, half up. When each adjustment is already whole, this equals
 * `lineAmountMinor` item by item.
 */
export function orderItemAmounts(
  items: readonly (ItemMoney & { id: string })[], currency: string, platformFunded: PlatformFunded = () => false
): Map<string, ItemAmounts> {
  const exponent = currencyExponent(currency)
  const weigh = (i: ItemMoney, platform?: boolean) =>
    currentAdjustments(i).reduce((s, a) =>
      s + (a && (platform === undefined || platformFunded(a.promotion_id) === platform) ? toScaledInteger((a.amount as any) ?? 0, exponent + WEIGHT_EXTRA_DECIMALS) : 0), 0)
  const weights = items.map((i) => weigh(i))
  const totalWeight = weights.reduce((s, w) => s + w, 0)
  const totalDiscount = toScaledInteger(`${totalWeight}e-${WEIGHT_EXTRA_DECIMALS}`, 0)
  const discounts = totalWeight > 0 ? allocate(totalDiscount, weights) : items.map(() => 0)
  const result = new Map<string, ItemAmounts>()
  items.forEach((item, index) => {
    const subtotal = toMinor((item.unit_price as any) ?? 0, currency) * lineQuantity(item)
    const discount = Math.min(subtotal, discounts[index])
    const taxable = subtotal - discount
    const tax = item.is_tax_inclusive
      ? 0
      : (item.tax_lines ?? []).reduce((s, t) => s + (t ? percentOf(taxable, toMinor((t.rate as any) ?? 0, "eur")) : 0), 0)
    // The item's whole-unit discount is shared between its funders in proportion to their
    // adjustments, so the item's total discount (and what it captures) does not depend on funding.
    const platformWeight = weigh(item, true)
    const merchantWeight = weigh(item, false)
    const platform_discount = discount > 0 && platformWeight > 0 ? allocate(discount, [platformWeight, merchantWeight])[0] : 0
    result.set(item.id, { subtotal, discount, platform_discount, taxable, tax, total: taxable + tax })
  })
  fitTaxesToAuthorization(items, result, weights, currency)
  return result
}

/**
 * Medusa authorizes an order's total rounded once: Σ (subtotal − raw adjustments) × (1 + rate),
 * unrounded per item (issue 17 §4). Rounding each line's VAT half up can add up to more than that
 * — two 2.10 lines at 5 % have 0.105 VAT each: 0.11 + 0.11 per line, but 4.41 authorized, not 4.42 —
 * and the order's last capture would then find a fils too little authorized, so the invoice (which
 * takes these amounts) would say more than was captured. In that case only, the items' VAT total
 * is lowered to what was authorized and handed out again by largest remainder of each item's exact
 * VAT (0.11 + 0.10 here): every line's VAT stays its exact VAT rounded up or down, and Σ lines =
 * the authorization = Σ captures = the invoices. When the authorization is at or above Σ lines
 * nothing changes (the fils above is never captured and is released with the authorization).
 */
function fitTaxesToAuthorization(items: readonly (ItemMoney & { id: string })[], amounts: Map<string, ItemAmounts>, adjustmentWeights: number[], currency: string) {
  const RATE_SCALE = 10000n // rates in basis points
  const ADJ_SCALE = 10n ** BigInt(WEIGHT_EXTRA_DECIMALS) // adjustment weights carry extra decimals
  let medusaTotal = 0n // minor units × ADJ_SCALE × RATE_SCALE
  const exactTax: bigint[] = []
  items.forEach((item, index) => {
    const a = amounts.get(item.id)!
    const rawTaxable = BigInt(a.subtotal) * ADJ_SCALE - BigInt(adjustmentWeights[index])
    const taxable = rawTaxable > 0n ? rawTaxable : 0n
    const bps = item.is_tax_inclusive ? 0n : BigInt((item.tax_lines ?? []).reduce((s, t) => s + (t ? toMinor((t.rate as any) ?? 0, "eur") : 0), 0))
    exactTax.push(taxable * bps)
    medusaTotal += taxable * RATE_SCALE + taxable * bps
  })
  const unit = ADJ_SCALE * RATE_SCALE
  const authorized = Number((medusaTotal * 2n + unit) / (2n * unit)) // half up, as the providers convert it
  let ours = 0
  let ourTax = 0
  for (const a of amounts.values()) {
    ours += a.total
    ourTax += a.tax
  }
  const short = ours - authorized
  // At most a fils per taxed item comes from rounding each line's VAT; anything else is not this case.
  const taxed = exactTax.filter((t) => t > 0n).length
  if (short <= 0 || short > taxed || short > ourTax) return
  const taxes = allocateBig(ourTax - short, exactTax)
  items.forEach((item, index) => {
    const a = amounts.get(item.id)!
    a.tax = taxes[index]
    a.total = a.taxable + a.tax
  })
}

/** Largest-remainder allocation of whole minor units by (big) integer weights; ties to the first. */
function allocateBig(total: number, weights: bigint[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0n)
  const whole = BigInt(total)
  const parts = weights.map((w) => (whole * w) / sum)
  let left = whole - parts.reduce((s, p) => s + p, 0n)
  const order = weights.map((w, index) => ({ index, remainder: (whole * w) % sum }))
  order.sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1))
  for (const { index } of order) {
    if (left === 0n) break
    parts[index] += 1n
    left -= 1n
  }
  return parts.map(Number)
}

/**
 * An order item's adjustments of its latest order version. Medusa keeps one row per adjustment and
 * version once the order changes (a refund's credit line, an edit): counting them all would take
 * the discount twice.
 */
export function currentAdjustments(item: Pick<ItemMoney, "adjustments">) {
  const rows = (item.adjustments ?? []).filter(Boolean) as { amount?: unknown; version?: number | null; promotion_id?: string | null }[]
  const latest = rows.reduce((v, a) => Math.max(v, Number(a.version ?? 0)), 0)
  return rows.filter((a) => Number(a.version ?? 0) === latest)
}

type ShippingMoney = { amount?: unknown; is_tax_inclusive?: boolean | null; adjustments?: ItemMoney["adjustments"]; tax_lines?: ItemMoney["tax_lines"] }

/** What the buyer pays for an order's shipping, in minor units: each method as a one-unit line. */
export function shippingTotalMinor(methods: readonly (ShippingMoney | null)[] | null | undefined, currency: string): number {
  return (methods ?? []).reduce(
    (s, m) => s + (m ? lineAmountMinor({ unit_price: m.amount, quantity: 1, is_tax_inclusive: m.is_tax_inclusive, adjustments: m.adjustments, tax_lines: m.tax_lines }, currency) : 0),
    0
  )
}

/** Fields `lineAmountMinor` needs, for query.graph on an order. */
export const LINE_AMOUNT_FIELDS = [
  "items.unit_price", "items.quantity", "items.detail.quantity", "items.is_tax_inclusive",
  "items.adjustments.amount", "items.adjustments.version", "items.adjustments.promotion_id", "items.tax_lines.rate",
]
