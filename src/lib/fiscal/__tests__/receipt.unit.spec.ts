import fc from "fast-check"
import {
  applyOrderDiscount, assertBalanced, buildCorrection, buildReceipt, FiscalLine, refundLine, splitPositions,
} from "../receipt"
import { lineVatRate, vatAmount, vatType } from "../vat"

const IN_2026 = new Date("2026-03-10T12:00:00Z")
const IN_2025 = new Date("2025-12-20T12:00:00Z")
const supplier = { inn: "7707083893", name: "ООО Улитка", phones: ["+79990001122"] }
const client = { email: "buyer@example.com" }

function line(over: Partial<FiscalLine>): FiscalLine {
  return { line_id: "l1", title: "Snail shell", kind: "PHYSICAL", quantity: 1, amount_minor: 10000, tax_regime: "VAT_PAYER", supplier, ...over }
}

describe("VAT rules", () => {
  it("standard rate is 22 % from 2026-01-01 Moscow time, 20 % before", () => {
    expect(lineVatRate({ tax_regime: "VAT_PAYER", at: new Date("2025-12-31T20:59:59Z") })).toBe("20")
    expect(lineVatRate({ tax_regime: "VAT_PAYER", at: new Date("2025-12-31T21:00:00Z") })).toBe("22")
  })
  it("simplified regimes and product-level reduced rates", () => {
    expect(lineVatRate({ tax_regime: "SIMPLIFIED_NO_VAT", at: IN_2026 })).toBe("none")
    expect(lineVatRate({ tax_regime: "NOT_VAT_REGISTERED", at: IN_2026, product_rate: "10" })).toBe("none")
    expect(lineVatRate({ tax_regime: "SIMPLIFIED_VAT_5", at: IN_2026 })).toBe("5")
    expect(lineVatRate({ tax_regime: "SIMPLIFIED_VAT_7", at: IN_2026, product_rate: "10" })).toBe("7")
    expect(lineVatRate({ tax_regime: "VAT_PAYER", at: IN_2026, product_rate: "10" })).toBe("10")
    expect(lineVatRate({ tax_regime: "VAT_PAYER", at: IN_2026, product_rate: 0 })).toBe("0")
    expect(() => lineVatRate({ tax_regime: "VAT_PAYER", at: IN_2026, product_rate: "18" })).toThrow(/10.*0/)
  })
  it("computed rates for prepayments", () => {
    expect(vatType("22", true)).toBe("vat122")
    expect(vatType("10", true)).toBe("vat110")
    expect(vatType("5", true)).toBe("vat105")
    expect(vatType("7", false)).toBe("vat7")
    expect(vatType("0", true)).toBe("vat0")
    expect(vatType("none", true)).toBe("none")
  })
  it("VAT amount = round(sum × r / (100 + r)) in kopecks", () => {
    expect(vatAmount(19934, "vat122")).toBe(3595) // 3594.66
    expect(vatAmount(9966, "vat22")).toBe(1797) // 1797.15
    expect(vatAmount(10000, "vat20")).toBe(1667) // 1666.67
    expect(vatAmount(10000, "vat0")).toBe(0)
    expect(vatAmount(10000, "none")).toBe(0)
    expect(vatAmount(-10000, "vat120")).toBe(-1667)
  })
})

describe("splitPositions", () => {
  it("2 × 99.67 + 1 × 99.66 for 299.00 over 3 units", () => {
    expect(splitPositions(29900, 3)).toEqual([{ price: 9967, quantity: 2 }, { price: 9966, quantity: 1 }])
    expect(splitPositions(30000, 3)).toEqual([{ price: 10000, quantity: 3 }])
  })
  it("always multiplies out to the line amount exactly", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 500 }), (amount, qty) => {
      const parts = splitPositions(amount, qty)
      expect(parts.reduce((s, p) => s + p.price * p.quantity, 0)).toBe(amount)
      expect(parts.reduce((s, p) => s + p.quantity, 0)).toBe(qty)
      expect(parts.length).toBeLessThanOrEqual(2)
    }))
  })
})

describe("worked example: mixed cart with a discount that does not divide evenly", () => {
  // 3 × 100.00 snail shells (physical) + 1 × 150.00 course; 1.50 order discount spread by amount:
  // 1.00 on the shells (299.00 over 3 units does not divide) and 0.50 on the course.
  const lines = applyOrderDiscount(
    [line({ line_id: "shell", quantity: 3, amount_minor: 30000 }), line({ line_id: "course", title: "Slow living", kind: "COURSE", amount_minor: 15000 })],
    150
  )

  it("spreads the discount exactly", () => {
    expect(lines.map((l) => l.amount_minor)).toEqual([29900, 14950])
  })

  it("prepayment receipt for the physical line: split positions, computed rate 22/122", () => {
    const doc = buildReceipt({ settlement: "prepayment", lines: [lines[0]], client, rate_date: IN_2026 })
    assertBalanced(doc)
    expect(doc.operation).toBe("sell")
    expect(doc.items).toEqual([
      { line_id: "shell", name: "Snail shell", price: 9967, quantity: 2, sum: 19934, payment_method: "full_prepayment", payment_object: "commodity",
        vat: { type: "vat122", sum: 3595 }, agent: { type: "commission_agent", supplier } },
      { line_id: "shell", name: "Snail shell", price: 9966, quantity: 1, sum: 9966, payment_method: "full_prepayment", payment_object: "commodity",
        vat: { type: "vat122", sum: 1797 }, agent: { type: "commission_agent", supplier } },
    ])
    expect(doc.total).toBe(29900)
    expect(doc.payments).toEqual([{ type: "electronic", sum: 29900 }])
    expect(doc.vats).toEqual([{ type: "vat122", sum: 5392 }])
  })

  it("course with immediate access: one full_payment receipt paid electronically, as a service", () => {
    const doc = buildReceipt({ settlement: "payment", lines: [lines[1]], client, rate_date: IN_2026 })
    assertBalanced(doc)
    expect(doc.items).toHaveLength(1)
    expect(doc.items[0]).toMatchObject({ price: 14950, quantity: 1, payment_method: "full_payment", payment_object: "service", vat: { type: "vat22", sum: 2696 } })
    expect(doc.payments).toEqual([{ type: "electronic", sum: 14950 }])
  })

  it("on delivery: full_payment at 22 % paid by offsetting the advance", () => {
    const doc = buildReceipt({ settlement: "payment", lines: [lines[0]], client, rate_date: IN_2026, advance_offset: true })
    assertBalanced(doc)
    expect(doc.items.map((i) => [i.price, i.quantity, i.payment_method, i.vat.type, i.vat.sum])).toEqual([
      [9967, 2, "full_payment", "vat22", 3595],
      [9966, 1, "full_payment", "vat22", 1797],
    ])
    expect(doc.payments).toEqual([{ type: "advance", sum: 29900 }])
  })
})

describe("refunds", () => {
  it("partial refund of one unit mirrors that unit", () => {
    const sold = line({ quantity: 3, amount_minor: 30000 })
    const doc = buildReceipt({ settlement: "refund", lines: [refundLine(sold, 10000)], client, rate_date: IN_2026, refund_of: "full_payment" })
    assertBalanced(doc)
    expect(doc.operation).toBe("sell_refund")
    expect(doc.items).toEqual([expect.objectContaining({ price: 10000, quantity: 1, sum: 10000, payment_method: "full_payment", vat: { type: "vat22", sum: 1803 } })])
    expect(doc.payments).toEqual([{ type: "electronic", sum: 10000 }])
  })

  it("a partial amount that is not whole units is one position for that amount", () => {
    const refunded = refundLine(line({ quantity: 3, amount_minor: 29900 }), 4550)
    expect(refunded).toMatchObject({ quantity: 1, amount_minor: 4550 })
  })

  it("a 2026 refund of a 2025 sale keeps 20 % (the rate of the original sale)", () => {
    const doc = buildReceipt({ settlement: "refund", lines: [line({ amount_minor: 10000 })], client, rate_date: IN_2025, refund_of: "full_payment" })
    expect(doc.items[0].vat).toEqual({ type: "vat20", sum: 1667 })
  })

  it("refund of a line that was only prepaid returns the prepayment at the computed rate", () => {
    const doc = buildReceipt({ settlement: "refund", lines: [line({ amount_minor: 10000 })], client, rate_date: IN_2026, refund_of: "full_prepayment" })
    expect(doc.items[0]).toMatchObject({ payment_method: "full_prepayment", vat: { type: "vat122", sum: 1803 } })
  })

  it("refuses refunds above the line amount", () => {
    expect(() => refundLine(line({ amount_minor: 100 }), 101)).toThrow()
  })
})

describe("merchant on the simplified regime without VAT", () => {
  it('positions carry VAT "none" with zero VAT, also on prepayment', () => {
    const doc = buildReceipt({ settlement: "prepayment", lines: [line({ tax_regime: "SIMPLIFIED_NO_VAT", quantity: 2, amount_minor: 1001 })], client, rate_date: IN_2026 })
    assertBalanced(doc)
    expect(doc.items.map((i) => [i.price, i.quantity, i.vat])).toEqual([[501, 1, { type: "none", sum: 0 }], [500, 1, { type: "none", sum: 0 }]])
    expect(doc.vats).toEqual([{ type: "none", sum: 0 }])
  })
  it("simplified 5 % payer: vat105 on prepayment", () => {
    const doc = buildReceipt({ settlement: "prepayment", lines: [line({ tax_regime: "SIMPLIFIED_VAT_5", amount_minor: 10500 })], client, rate_date: IN_2026 })
    expect(doc.items[0].vat).toEqual({ type: "vat105", sum: 500 })
  })
})

describe("contact, correction, invariants", () => {
  it("needs an email or a phone", () => {
    expect(() => buildReceipt({ settlement: "payment", lines: [line({})], client: {}, rate_date: IN_2026 })).toThrow(/email or phone/)
    expect(buildReceipt({ settlement: "payment", lines: [line({})], client: { phone: "+79990000000" }, rate_date: IN_2026 }).client).toEqual({ phone: "+79990000000" })
  })
  it("an agent position needs the supplier's INN", () => {
    const doc = buildReceipt({ settlement: "payment", lines: [line({ supplier: { inn: "", name: "No INN GmbH", phones: [] } })], client, rate_date: IN_2026 })
    expect(() => assertBalanced(doc)).toThrow(/No INN GmbH has no valid INN/)
  })
  it("a correction repeats the positions with its basis", () => {
    const sale = buildReceipt({ settlement: "payment", lines: [line({})], client, rate_date: IN_2026 })
    const doc = buildCorrection(sale, { reason: "wrong VAT", base_number: "1", base_date: new Date("2026-03-11T00:00:00Z") })
    expect(doc.operation).toBe("sell_correction")
    expect(doc.correction).toEqual({ type: "self", base_date: "2026-03-11", base_number: "1", reason: "wrong VAT" })
    expect(doc.items).toEqual(sale.items)
  })
  it("any cart balances: positions multiply out, total = positions = payments, VAT per formula", () => {
    const arb = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 5_000_000 }), qty: fc.integer({ min: 1, max: 50 }),
        regime: fc.constantFrom("VAT_PAYER", "SIMPLIFIED_NO_VAT", "SIMPLIFIED_VAT_5", "SIMPLIFIED_VAT_7", "NOT_VAT_REGISTERED" as const),
        reduced: fc.constantFrom(undefined, "10", "0"),
      }),
      { minLength: 1, maxLength: 8 }
    )
    fc.assert(fc.property(arb, fc.integer({ min: 0, max: 1000 }), fc.boolean(), (rows, discount, prepay) => {
      const total = rows.reduce((s, r) => s + r.amount, 0)
      const lines = applyOrderDiscount(
        rows.map((r, i) => line({ line_id: `l${i}`, quantity: r.qty, amount_minor: r.amount, tax_regime: r.regime as any, product_vat_rate: r.reduced })),
        Math.min(discount, total - 1)
      )
      const doc = buildReceipt({ settlement: prepay ? "prepayment" : "payment", lines, client, rate_date: IN_2026 })
      assertBalanced(doc)
      expect(doc.total).toBe(total - Math.min(discount, total - 1))
    }))
  })
})
