import fc from "fast-check"
import {
  commissionVatMinor, computeLine, documentNumber, invoiceKind, isVatRegisteredAE, resolveTreatment, sumLines,
  taxLineCode, toAedMinor, type TreatmentRule,
} from ".."

const registered = { country_code: "ae", tax_regime: "VAT_PAYER", trn: "100123456700003" }
const rules: TreatmentRule[] = [
  { match_type: "category", match_value: "education", treatment: "ZERO_RATED" },
  { match_type: "category", match_value: "international-transport", treatment: "ZERO_RATED" },
  { match_type: "category", match_value: "residential-rent", treatment: "EXEMPT" },
  { match_type: "category", match_value: "donations", treatment: "OUT_OF_SCOPE" },
  { match_type: "product_kind", match_value: "COURSE", treatment: "EXEMPT", priority: 0 },
]

describe("resolveTreatment", () => {
  it("standard 5 % for a registered supplier with no rule", () => {
    expect(resolveTreatment({ categories: ["wellness"], kind: "SERVICE", destination_country: "ae" }, registered, rules)).toMatchObject({ treatment: "STANDARD", rate_bps: 500 })
  })
  it("a non-registered supplier (regime or missing TRN) charges no VAT", () => {
    for (const s of [{ ...registered, tax_regime: "NOT_VAT_REGISTERED" }, { ...registered, trn: null }, { ...registered, country_code: "de" }, null]) {
      expect(resolveTreatment({ categories: [], kind: "PHYSICAL", destination_country: "ae" }, s, rules)).toMatchObject({ treatment: "OUT_OF_SCOPE", rate_bps: 0 })
    }
  })
  it("category rules beat kind rules; the mapping is data", () => {
    expect(resolveTreatment({ categories: ["residential-rent"], kind: "COURSE" }, registered, rules).treatment).toBe("EXEMPT")
    expect(resolveTreatment({ categories: ["education"], kind: "COURSE" }, registered, rules).treatment).toBe("ZERO_RATED")
    expect(resolveTreatment({ categories: ["misc"], kind: "COURSE" }, registered, rules).treatment).toBe("EXEMPT")
    expect(resolveTreatment({ categories: ["donations"], kind: "PHYSICAL" }, registered, rules).treatment).toBe("OUT_OF_SCOPE")
    expect(resolveTreatment({ categories: ["misc"], kind: "COURSE" }, registered, []).treatment).toBe("STANDARD")
  })
  it("export of goods outside the GCC is zero-rated; inside the GCC it stays standard; services are not exports", () => {
    expect(resolveTreatment({ categories: [], kind: "PHYSICAL", destination_country: "us" }, registered, rules)).toMatchObject({ treatment: "ZERO_RATED", rate_bps: 0 })
    expect(resolveTreatment({ categories: [], kind: "PHYSICAL", destination_country: "sa" }, registered, rules).treatment).toBe("STANDARD")
    expect(resolveTreatment({ categories: [], kind: "SERVICE", destination_country: "us" }, registered, rules).treatment).toBe("STANDARD")
  })
})

describe("computeLine", () => {
  it("exclusive: VAT on the line, half up to the fils", () => {
    // 3 × 0.33 = 0.99 AED → 4.95 fils → 5 fils
    expect(computeLine({ unit_price_minor: 33, quantity: 3, tax_inclusive: false, rate_bps: 500 })).toEqual({
      unit_price_excl_minor: 33, gross_minor: 99, discount_minor: 0, taxable_minor: 99, vat_minor: 5, total_minor: 104,
    })
    // discount before VAT: 100.00 − 10.00 = 90.00 → 4.50
    expect(computeLine({ unit_price_minor: 10000, quantity: 1, discount_minor: 1000, tax_inclusive: false, rate_bps: 500 })).toMatchObject({ taxable_minor: 9000, vat_minor: 450, total_minor: 9450 })
  })
  it("inclusive: VAT = paid × 5/105, and taxable + VAT = paid", () => {
    // 105.00 incl. → 100.00 + 5.00
    expect(computeLine({ unit_price_minor: 10500, quantity: 1, tax_inclusive: true, rate_bps: 500 })).toMatchObject({ taxable_minor: 10000, vat_minor: 500, total_minor: 10500 })
    // 1.00 incl. → 4.76 fils → 5 fils VAT, 95 fils taxable
    expect(computeLine({ unit_price_minor: 100, quantity: 1, tax_inclusive: true, rate_bps: 500 })).toMatchObject({ taxable_minor: 95, vat_minor: 5, total_minor: 100 })
  })
  it("inclusive vs exclusive of the same shelf figure differ exactly by the VAT", () => {
    const excl = computeLine({ unit_price_minor: 2000, quantity: 3, tax_inclusive: false, rate_bps: 500 })
    const incl = computeLine({ unit_price_minor: 2000, quantity: 3, tax_inclusive: true, rate_bps: 500 })
    expect(excl).toMatchObject({ taxable_minor: 6000, vat_minor: 300, total_minor: 6300 })
    expect(incl).toMatchObject({ taxable_minor: 5714, vat_minor: 286, total_minor: 6000 })
  })
  it("many small lines: per-line rounding, totals are sums of rounded lines (not a rounded sum)", () => {
    // 100 lines of 0.01 AED: each 0.05 fils → 0 fils; the order-level figure (5 fils) is never used.
    const tiny = Array.from({ length: 100 }, () => ({ ...computeLine({ unit_price_minor: 1, quantity: 1, tax_inclusive: false, rate_bps: 500 }), treatment: "STANDARD" as const }))
    expect(sumLines(tiny)).toMatchObject({ taxable_minor: 100, vat_minor: 0, total_minor: 100 })
    // 100 lines of 0.10 AED: 0.5 fils each rounds half up → 1 fils each = 100 fils (order level would say 50)
    const tens = Array.from({ length: 100 }, () => ({ ...computeLine({ unit_price_minor: 10, quantity: 1, tax_inclusive: false, rate_bps: 500 }), treatment: "STANDARD" as const }))
    expect(sumLines(tens)).toMatchObject({ taxable_minor: 1000, vat_minor: 100, total_minor: 1100 })
    // 0.09 AED: 0.45 fils → 0
    expect(computeLine({ unit_price_minor: 9, quantity: 1, tax_inclusive: false, rate_bps: 500 }).vat_minor).toBe(0)
  })
  it("property: every line is an integer, within half a fils of the exact VAT, and reconciles", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (unit, qty, incl) => {
      const l = computeLine({ unit_price_minor: unit, quantity: qty, tax_inclusive: incl, rate_bps: 500 })
      const exact = incl ? (unit * qty * 5) / 105 : (unit * qty * 5) / 100
      expect(Number.isInteger(l.vat_minor)).toBe(true)
      expect(Math.abs(l.vat_minor - exact)).toBeLessThanOrEqual(0.5)
      expect(l.taxable_minor + l.vat_minor).toBe(l.total_minor)
    }))
  })
  it("zero rate gives zero VAT", () => {
    expect(computeLine({ unit_price_minor: 12345, quantity: 2, tax_inclusive: true, rate_bps: 0 })).toMatchObject({ taxable_minor: 24690, vat_minor: 0 })
  })
})

describe("AED conversion and invoice kind", () => {
  it("USD → AED at the recorded rate, half up to the fils", () => {
    expect(toAedMinor(10000, "usd", "3.6725")).toBe(36725) // 100.00 USD
    expect(toAedMinor(525, "usd", "3.6725")).toBe(1928) // 5.25 USD = 19.280625 AED
    expect(toAedMinor(1, "usd", "3.6725")).toBe(4) // 0.036725 → 0.04
    expect(toAedMinor(1000, "jpy", "0.0245")).toBe(2450) // 1000 JPY (exponent 0)
    expect(toAedMinor(777, "aed", "1")).toBe(777)
  })
  it("AED 10,000 threshold: at it simplified, just above full (registered buyer only)", () => {
    expect(invoiceKind(1_000_000, "100000000000003")).toBe("SIMPLIFIED")
    expect(invoiceKind(1_000_001, "100000000000003")).toBe("FULL")
    expect(invoiceKind(5_000_000, null)).toBe("SIMPLIFIED")
  })
})

describe("numbers, codes, commission", () => {
  it("document numbers and tax line codes", () => {
    expect(documentNumber("INV", "desert-wellness", 42)).toBe("INV-DESERT-WELLNESS-000042")
    expect(() => documentNumber("CN", "x", 0)).toThrow()
    expect(taxLineCode("STANDARD", "ordli_1")).not.toBe(taxLineCode("STANDARD", "ordli_2"))
  })
  it("commission VAT: 5 % for a UAE merchant, 0 for a merchant abroad", () => {
    expect(commissionVatMinor(1234, registered)).toBe(62) // 61.7 → 62
    expect(commissionVatMinor(1234, { country_code: "ae", tax_regime: "NOT_VAT_REGISTERED" })).toBe(62)
    expect(commissionVatMinor(1234, { country_code: "ru", tax_regime: "VAT_PAYER" })).toBe(0)
    expect(isVatRegisteredAE({ country_code: "ae", tax_regime: "VAT_PAYER", trn: "12345" })).toBe(false)
  })
})
