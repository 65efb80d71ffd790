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
