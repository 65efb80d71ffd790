/**
 * UAE VAT (Federal Decree-Law No. 8 of 2017), pure calculation: treatment of a supply, VAT per line
 * rounded to the fils, invoice totals, AED conversion, simplified vs full tax invoice, VAT on the
 * platform's commission. Integers in minor units only (DESIGN.md §3); no I/O. docs/vat-ae.md.
 */
import { currencyExponent, percentOf } from "../money"

export const VAT_TREATMENTS = ["STANDARD", "ZERO_RATED", "EXEMPT", "OUT_OF_SCOPE"] as const
export type VatTreatment = (typeof VAT_TREATMENTS)[number]

export const RULE_MATCH_TYPES = ["category", "product_type", "product_kind"] as const
export type RuleMatchType = (typeof RULE_MATCH_TYPES)[number]

/** 5 % in basis points. */
export const STANDARD_RATE_BPS = 500
/** Art. 59 Executive Regulation: a registered recipient above AED 10,000 gets a full tax invoice. */
export const SIMPLIFIED_INVOICE_LIMIT_FILS = 1_000_000
/** Gulf Cooperation Council states: goods sent outside them are exported (zero-rated, Art. 45). */
export const GCC_COUNTRIES = ["ae", "sa", "bh", "kw", "om", "qa"] as const

export type TreatmentRule = { match_type: RuleMatchType; match_value: string; treatment: VatTreatment; priority?: number }

export type SupplyFacts = {
  /** Product category handles of the line's product. */
  categories: string[]
  product_type?: string | null
  /** PHYSICAL goods can be exported; SERVICE and COURSE are supplied where performed. */
  kind?: string | null
  /** Shipping address country (ISO 3166 alpha-2). */
  destination_country?: string | null
}

export type SupplierFacts = { country_code?: string | null; tax_regime?: string | null; trn?: string | null }

export type ResolvedTreatment = { treatment: VatTreatment; rate_bps: number; reason: string }

export function isVatRegisteredAE(s: SupplierFacts | null | undefined): boolean {
  if (!s) return false
  return (s.country_code ?? "").toLowerCase() === "ae" && !!s.trn && /^\d{15}$/.test(s.trn) && s.tax_regime !== "NOT_VAT_REGISTERED"
}

export function rateOf(treatment: VatTreatment): number {
  return treatment === "STANDARD" ? STANDARD_RATE_BPS : 0
}

/**
 * The treatment of one line. Order: a supplier that is not VAT-registered in the UAE charges no VAT
 * (out of scope); then the admin's rules — category first, then product type, then kind, and within
 * one level the highest priority; otherwise standard. Standard-rated goods shipped outside the GCC
 * become zero-rated exports.
 */
export function resolveTreatment(facts: SupplyFacts, supplier: SupplierFacts | null | undefined, rules: readonly TreatmentRule[]): ResolvedTreatment {
  if (!isVatRegisteredAE(supplier)) return { treatment: "OUT_OF_SCOPE", rate_bps: 0, reason: "supplier not VAT-registered in the UAE" }
  const byLevel: [RuleMatchType, string[]][] = [
    ["category", facts.categories.map(norm)],
    ["product_type", facts.product_type ? [norm(facts.product_type)] : []],
    ["product_kind", facts.kind ? [norm(facts.kind)] : []],
  ]
  let treatment: VatTreatment = "STANDARD"
  let reason = "standard rate"
  for (const [level, values] of byLevel) {
    const hits = rules
      .filter((r) => r.match_type === level && values.includes(norm(r.match_value)))
      .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.match_value.localeCompare(b.match_value))
    if (hits.length) {
      treatment = hits[0].treatment
      reason = `${level} '${hits[0].match_value}'`
      break
    }
  }
  const dest = facts.destination_country?.toLowerCase()
  if (treatment === "STANDARD" && norm(facts.kind ?? "") === "physical" && dest && !(GCC_COUNTRIES as readonly string[]).includes(dest)) {
    return { treatment: "ZERO_RATED", rate_bps: 0, reason: `export of goods to ${dest.toUpperCase()} (outside the GCC)` }
  }
  return { treatment, rate_bps: rateOf(treatment), reason }
}

export type LineInput = {
  unit_price_minor: number
  quantity: number
  /** Discount on the whole line, in the same terms as the price (inclusive or exclusive). */
  discount_minor?: number
  tax_inclusive: boolean
  rate_bps: number
}

export type LineAmounts = {
  /** Unit price excluding VAT, to the fils (display; inclusive prices are divided back). */
  unit_price_excl_minor: number
  gross_minor: number
  discount_minor: number
  /** Amount the VAT is charged on, excluding VAT. */
  taxable_minor: number
  vat_minor: number
  /** Taxable + VAT: what the buyer pays for the line. */
  total_minor: number
}

/**
 * VAT for one line, rounded half-up to the fils on the line (never on the unit, never on the order).
 * Exclusive: VAT = taxable × rate. Inclusive: VAT = paid × rate / (1 + rate), taxable = paid − VAT,
 * so taxable + VAT always equals what the buyer paid.
 */
export function computeLine(l: LineInput): LineAmounts {
  for (const v of [l.unit_price_minor, l.quantity, l.discount_minor ?? 0, l.rate_bps]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`VAT line inputs are non-negative integers (got ${v})`)
  }
  const gross = l.unit_price_minor * l.quantity
  const discount = l.discount_minor ?? 0
  if (discount > gross) throw new Error("A line's discount cannot exceed its amount")
  const net = gross - discount
  if (!l.tax_inclusive) {
    const vat = percentOf(net, l.rate_bps)
    return { unit_price_excl_minor: l.unit_price_minor, gross_minor: gross, discount_minor: discount, taxable_minor: net, vat_minor: vat, total_minor: net + vat }
  }
  const vat = divRoundHalfUp(BigInt(net) * BigInt(l.rate_bps), BigInt(10000 + l.rate_bps))
  const unitExcl = divRoundHalfUp(BigInt(l.unit_price_minor) * 10000n, BigInt(10000 + l.rate_bps))
  const discountExcl = divRoundHalfUp(BigInt(discount) * 10000n, BigInt(10000 + l.rate_bps))
  return {
    unit_price_excl_minor: unitExcl,
    gross_minor: net - vat + discountExcl,
    discount_minor: discountExcl,
    taxable_minor: net - vat,
    vat_minor: vat,
    total_minor: net,
  }
}

export type Totals = { taxable_minor: number; vat_minor: number; total_minor: number; discount_minor: number; by_treatment: Record<VatTreatment, { taxable_minor: number; vat_minor: number }> }

/** Invoice totals are the sums of the rounded lines (no second rounding). */
export function sumLines(lines: readonly (LineAmounts & { treatment: VatTreatment })[]): Totals {
  const by_treatment = Object.fromEntries(VAT_TREATMENTS.map((t) => [t, { taxable_minor: 0, vat_minor: 0 }])) as Totals["by_treatment"]
  let taxable = 0, vat = 0, total = 0, discount = 0
  for (const l of lines) {
    taxable += l.taxable_minor
    vat += l.vat_minor
    total += l.total_minor
    discount += l.discount_minor
    by_treatment[l.treatment].taxable_minor += l.taxable_minor
    by_treatment[l.treatment].vat_minor += l.vat_minor
  }
  return { taxable_minor: taxable, vat_minor: vat, total_minor: total, discount_minor: discount, by_treatment }
}

/**
 * An exchange rate as an exact decimal string: AED for one unit of `currency` ("3.6725" for USD).
 * Converts minor units of `currency` into fils, half-up, through BigInt.
 */
export function toAedMinor(amountMinor: number, currency: string, aedPerUnit: string): number {
  if (currency.toLowerCase() === "aed") return amountMinor
  const m = aedPerUnit.trim().match(/^(\d+)(?:\.(\d+))?$/)
  if (!m) throw new Error(`Not an exchange rate: '${aedPerUnit}'`)
  const scale = (m[2] ?? "").length
  const rate = BigInt(m[1] + (m[2] ?? ""))
  const srcExp = currencyExponent(currency)
  // amount/10^srcExp units × rate/10^scale AED/unit × 10^2 fils/AED
  const num = BigInt(amountMinor) * rate * 10n ** 2n
  const den = 10n ** BigInt(srcExp + scale)
  const negative = num < 0n
  const v = divRoundHalfUp(negative ? -num : num, den)
  return negative ? -v : v
}

/** Full tax invoice only for a VAT-registered recipient (gave a TRN) above AED 10,000 incl. VAT. */
export function invoiceKind(totalAedMinor: number, buyerTrn: string | null | undefined): "SIMPLIFIED" | "FULL" {
  return buyerTrn && totalAedMinor > SIMPLIFIED_INVOICE_LIMIT_FILS ? "FULL" : "SIMPLIFIED"
}

/** Gapless per-supplier numbers: INV-DESERT-WELLNESS-000042, CN-… for credit notes. */
export function documentNumber(series: "INV" | "CN", supplierHandle: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`Sequence numbers start at 1 (got ${sequence})`)
  return `${series}-${supplierHandle.toUpperCase().replace(/[^A-Z0-9]+/g, "-")}-${String(sequence).padStart(6, "0")}`
}

/** The tax line code Medusa gets: unique per line, so Medusa never merges or doubles two lines' VAT. */
export function taxLineCode(treatment: VatTreatment, lineId: string): string {
  const short = { STANDARD: "SR", ZERO_RATED: "ZR", EXEMPT: "EX", OUT_OF_SCOPE: "OS" }[treatment]
  return `AE-VAT-${short}-${lineId}`
}

/**
 * VAT on the platform's commission, which the platform (a UAE VAT-registered supplier) charges the
 * merchant on its statement. A merchant established in the UAE is charged 5 % (registered or not:
 * the place of supply is the UAE either way); a merchant abroad receives a zero-rated export of
 * services (Art. 31), so 0.
 */
export function commissionVatMinor(commissionMinor: number, merchant: SupplierFacts | null | undefined): number {
  if (!merchant || (merchant.country_code ?? "").toLowerCase() !== "ae") return 0
  return percentOf(commissionMinor, STANDARD_RATE_BPS)
}

function norm(v: string): string {
  return v.trim().toLowerCase()
}

function divRoundHalfUp(num: bigint, den: bigint): number {
  const q = num / den
  const r = num % den
  return Number(r * 2n >= den ? q + 1n : q)
}
