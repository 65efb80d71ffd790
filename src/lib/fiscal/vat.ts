/**
 * VAT on Russian fiscal receipts (54-FZ, FFD 1.2). Pure: rates, the rate a line carries, and the
 * VAT amount in kopecks. See docs/fiscal.md for where each rule comes from.
 */

/** A merchant's tax regime (Merchant.tax_regime in the marketplace module). */
export type TaxRegime = "VAT_PAYER" | "SIMPLIFIED_NO_VAT" | "SIMPLIFIED_VAT_5" | "SIMPLIFIED_VAT_7" | "NOT_VAT_REGISTERED"

/** A rate applied to a full settlement. "none" = without VAT. */
export type VatRate = "22" | "20" | "10" | "7" | "5" | "0" | "none"

/** What a receipt position carries: the rate itself, or the computed rate r/(100+r) used on prepayment receipts. */
export type VatType = "vat22" | "vat20" | "vat10" | "vat7" | "vat5" | "vat0" | "none" | "vat122" | "vat120" | "vat110" | "vat107" | "vat105"

/** The standard rate became 22 % on 2026-01-01 (Federal Law 425-FZ of 28.11.2025); 20 % before. */
export const STANDARD_RATE_CHANGE = Date.UTC(2025, 11, 31, 21, 0, 0) // 2026-01-01 00:00 Moscow time (UTC+3)

/** Product metadata key carrying a reduced rate for VAT payers ("10" or "0"): see docs/fiscal.md. */
export const PRODUCT_VAT_METADATA_KEY = "fiscal_vat_rate"

export class FiscalRuleError extends Error {}

export function standardRate(at: Date): "22" | "20" {
  return at.getTime() >= STANDARD_RATE_CHANGE ? "22" : "20"
}

/**
 * The VAT rate of a line sold (or settled) at `at`:
 * - SIMPLIFIED_NO_VAT / NOT_VAT_REGISTERED → none;
 * - SIMPLIFIED_VAT_5 / _7 → 5 / 7 (a product's reduced rate does not apply to them);
 * - VAT_PAYER → the product's reduced rate ("10" or "0") when set, else the standard rate at `at`.
 */
export function lineVatRate(input: { tax_regime: TaxRegime; product_rate?: unknown; at: Date }): VatRate {
  switch (input.tax_regime) {
    case "SIMPLIFIED_NO_VAT":
    case "NOT_VAT_REGISTERED":
      return "none"
    case "SIMPLIFIED_VAT_5":
      return "5"
    case "SIMPLIFIED_VAT_7":
      return "7"
    case "VAT_PAYER": {
      const product = parseProductRate(input.product_rate)
      return product ?? standardRate(input.at)
    }
    default:
      throw new FiscalRuleError(`Unknown tax regime ${String(input.tax_regime)}`)
  }
}

/** A product's reduced rate from its metadata: "10", "0" (or 10 / 0). Anything else is refused loudly. */
export function parseProductRate(value: unknown): "10" | "0" | undefined {
  if (value === undefined || value === null || value === "") return undefined
  const text = String(value).trim().replace(/%$/, "")
  if (text === "10" || text === "0") return text
  throw new FiscalRuleError(`Product VAT rate must be "10" or "0" (got ${JSON.stringify(value)})`)
}

/** The receipt's VAT type for a rate: the rate itself on a full settlement, the computed rate on a prepayment. */
export function vatType(rate: VatRate, prepayment: boolean): VatType {
  if (rate === "none") return "none"
  if (rate === "0") return "vat0"
  if (!prepayment) return `vat${rate}` as VatType
  return `vat1${rate.padStart(2, "0")}` as VatType // 22 → vat122, 10 → vat110, 5 → vat105
}

/** Percent behind a VAT type: 22 for vat22 and vat122 (computed 22/122), null when no VAT. */
export function vatPercent(type: VatType): number | null {
  if (type === "none") return null
  const digits = Number(type.slice(3))
  return digits >= 100 ? digits - 100 : digits
}

/**
 * VAT included in `sumMinor` kopecks at rate r: round(sum × r / (100 + r)), half up, integers only.
 * (Prices on Russian receipts include VAT; the computed rate r/(100+r) is the same formula.)
 */
export function vatAmount(sumMinor: number, type: VatType): number {
  if (!Number.isSafeInteger(sumMinor)) throw new FiscalRuleError(`Sum must be integer kopecks (got ${sumMinor})`)
  const r = vatPercent(type)
  if (r === null || r === 0) return 0
  const negative = sumMinor < 0
  const num = BigInt(Math.abs(sumMinor)) * BigInt(r)
  const den = BigInt(100 + r)
  const q = num / den
  const rounded = (num % den) * 2n >= den ? q + 1n : q
  return Number(negative ? -rounded : rounded)
}
