import type { Variant } from "./sdk"

/**
 * Formats an amount that Medusa 2 already gives in MAJOR units (12.5 = 12.50 EUR).
 * No arithmetic here on purpose: the server owns money math.
 */
export function formatMoney(amount: number | string, currencyCode: string, intlLocale: string): string {
  const format = new Intl.NumberFormat(intlLocale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  })
  // Decimal strings ("12.50", from APIs that keep amounts exact) are formatted as they are:
  // Intl accepts them (Intl.NumberFormat v3); the cast only widens the older lib typing.
  return typeof amount === "string" ? format.format(amount as unknown as number) : format.format(amount)
}

export type Price = { amount: number; currency: string }

export function variantPrice(v: Variant | undefined | null): Price | null {
  const cp = v?.calculated_price
  if (!cp || cp.calculated_amount == null || !cp.currency_code) return null
  return { amount: cp.calculated_amount, currency: cp.currency_code }
}

/** The cheapest variant price, for "from ..." labels on product cards. */
export function lowestPrice(variants: Variant[] | null | undefined): Price | null {
  let best: Price | null = null
  for (const v of variants ?? []) {
    const p = variantPrice(v)
    if (p && (!best || p.amount < best.amount)) best = p
  }
  return best
}

/** The currency's minor-unit exponent as Intl knows it (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Integer minor units (our own APIs: splits, balances, invoices) → exact decimal string; string digits, no float math. */
export function minorToMajorString(minor: number | string | null | undefined, currency: string): string {
  const n = String(minor ?? 0)
  const negative = n.startsWith("-")
  const exp = currencyExponent(currency)
  const digits = (negative ? n.slice(1) : n).padStart(exp + 1, "0")
  const whole = digits.slice(0, digits.length - exp)
  return (negative ? "-" : "") + whole + (exp ? "." + digits.slice(digits.length - exp) : "")
}

/** Formats integer minor units in their currency for the locale. */
export function formatMinor(minor: number | string | null | undefined, currency: string, intlLocale: string): string {
  const major = minorToMajorString(minor, currency)
  try {
    return formatMoney(major, currency, intlLocale)
  } catch {
    return `${major} ${currency.toUpperCase()}`
  }
}

/** What Medusa hands over as an amount: a JSON number (major units), a decimal string, or a BigNumber's `{ value }`. */
export type MajorAmount = number | string | { value: string } | null | undefined

/**
 * Medusa's major-unit amount → integer minor units, rounded half up on its decimal digits (never
 * by multiplying a float). Medusa keeps tax unrounded (1.255 AED), so every figure we show is
 * first brought to whole minor units here, and sums are taken in integers.
 */
export function toMinorUnits(amount: MajorAmount, currency: string): number {
  if (amount == null) return 0
  let text = typeof amount === "object" ? String(amount.value) : String(amount).trim()
  // JS prints tiny or huge numbers with an exponent; those are not money we sell, but stay exact.
  if (/e/i.test(text)) text = Number(text).toFixed(20)
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text)
  if (!m) throw new Error(`not an amount: ${text}`)
  const exp = currencyExponent(currency)
  const fraction = (m[3] ?? "").padEnd(exp + 1, "0")
  let minor = BigInt((m[2] || "0") + fraction.slice(0, exp))
  if (Number(fraction[exp]) >= 5) minor += 1n
  const n = Number(minor)
  return m[1] && n !== 0 ? -n : n
}

/** Totals of a cart or an order as Medusa sends them (major units). */
export type MedusaTotals = {
  total?: MajorAmount
  item_subtotal?: MajorAmount
  subtotal?: MajorAmount
  shipping_subtotal?: MajorAmount
  shipping_total?: MajorAmount
  shipping_tax_total?: MajorAmount
  discount_subtotal?: MajorAmount
  discount_total?: MajorAmount
  discount_tax_total?: MajorAmount
  tax_total?: MajorAmount
  /** An order's refunds booked by Medusa as credit lines (they lower its `total`). */
  credit_line_total?: MajorAmount
}

/** The summary a buyer reads, in minor units; items + delivery − discount + tax = total, always. */
export type MoneySummary = { items: number; delivery: number; discount: number; tax: number; total: number }

/**
 * Items, delivery, discount and tax of a cart or order that add up to its total to the minor unit.
 * Delivery is shown before tax (Medusa's `shipping_total` already holds delivery VAT, which
 * `tax_total` counts too: showing both counted UAE delivery VAT twice). The discount is before tax
 * as well (tax is charged on the discounted price). Medusa rounds its total once over unrounded
 * tax, so the parts rounded one by one can miss it by a minor unit: the tax row takes what is left,
 * as the tax invoice does (src/lib/vat-ae), and the total is what the card is charged.
 * An order's total is taken as placed: Medusa lowers it by the credit lines of later refunds, which
 * the order page shows as rows of their own (lib/order-money.ts).
 */
export function summarize(t: MedusaTotals, currency: string): MoneySummary {
  const minor = (a: MajorAmount) => toMinorUnits(a, currency)
  const total = minor(t.total) + minor(t.credit_line_total)
  const items = minor(t.item_subtotal ?? t.subtotal)
  const delivery = t.shipping_subtotal != null ? minor(t.shipping_subtotal) : minor(t.shipping_total) - minor(t.shipping_tax_total)
  const discount = t.discount_subtotal != null ? minor(t.discount_subtotal) : minor(t.discount_total) - minor(t.discount_tax_total)
  return { items, delivery, discount, tax: total - items - delivery + discount, total }
}

/** One cart or order line's money as Medusa sends it. */
export type MedusaLineTotals = {
  unit_price?: MajorAmount
  quantity?: number | null
  subtotal?: MajorAmount
  discount_subtotal?: MajorAmount
  discount_total?: MajorAmount
  discount_tax_total?: MajorAmount
  total?: MajorAmount
}

/** A line's price, discount, tax and total in minor units; subtotal − discount + tax = total. */
export type LineMoney = { unit: number; quantity: number; subtotal: number; discount: number; tax: number; total: number }

export function lineMoney(l: MedusaLineTotals, currency: string): LineMoney {
  const minor = (a: MajorAmount) => toMinorUnits(a, currency)
  const unit = minor(l.unit_price)
  const quantity = l.quantity ?? 1
  const subtotal = l.subtotal != null ? minor(l.subtotal) : unit * quantity
  const discount = l.discount_subtotal != null ? minor(l.discount_subtotal) : minor(l.discount_total) - minor(l.discount_tax_total)
  const total = l.total != null ? minor(l.total) : subtotal - discount
  return { unit, quantity, subtotal, discount, tax: total - subtotal + discount, total }
}
