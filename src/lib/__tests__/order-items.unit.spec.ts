import { lineAmountMinor, lineQuantity, orderItemAmounts } from "../order-items"

describe("order item money", () => {
  it("reads quantities from the item or its detail", () => {
    expect(lineQuantity({ quantity: 2 })).toBe(2)
    expect(lineQuantity({ detail: { quantity: 3 } })).toBe(3)
    expect(lineQuantity({ quantity: { numeric: 4 } })).toBe(4)
    expect(() => lineQuantity({})).toThrow(/quantity/)
  })

  it("charges price × quantity, less promotions, plus per-line tax", () => {
    expect(lineAmountMinor({ unit_price: 14, quantity: 2 }, "eur")).toBe(2800)
    expect(lineAmountMinor({ unit_price: 14, quantity: 2, adjustments: [{ amount: 2.8 }] }, "eur")).toBe(2520)
    expect(lineAmountMinor({ unit_price: 10, quantity: 1, tax_lines: [{ rate: 5 }] }, "aed")).toBe(1050)
    // 9.99 × 7.5 % = 0.74925 → 0.75
    expect(lineAmountMinor({ unit_price: 9.99, quantity: 1, tax_lines: [{ rate: 7.5 }] }, "eur")).toBe(1074)
    expect(lineAmountMinor({ unit_price: 12, quantity: 1, is_tax_inclusive: true, tax_lines: [{ rate: 20 }] }, "rub")).toBe(1200)
    expect(lineAmountMinor({ unit_price: 5, quantity: 1, adjustments: [{ amount: 9 }] }, "eur")).toBe(0)
  })

  it("counts an adjustment once when the order lists it for several versions", () => {
    // A 10 % promotion on 45.00 is a 4.50 adjustment; after a refund the order is at version 2 and
    // Medusa returns the adjustment's row of each version. The buyer was charged 40.50, not 36.00.
    const item = { id: "i1", unit_price: 45, quantity: 1, adjustments: [{ amount: 4.5, version: 1 }, { amount: 4.5, version: 2 }] }
    expect(lineAmountMinor(item, "eur")).toBe(4050)
    expect(orderItemAmounts([item], "eur").get("i1")!.total).toBe(4050)
  })

  it("never adds up to more than Medusa authorizes: per-line VAT is fitted to the once-rounded total (issue 17 §4)", () => {
    // Two 2.10 AED lines at 5 %: exact VAT 0.105 each. Half up per line: 0.11 + 0.11 → 4.42; Medusa's
    // total 2 × 2.10 × 1.05 = 4.41 exactly, authorized 4.41. Fitted: 21 fils of VAT by largest
    // remainder of 10.5 / 10.5 → 11 / 10 (tie to the first): 2.21 + 2.20 = 4.41.
    const two = orderItemAmounts([
      { id: "a", unit_price: 2.1, quantity: 1, tax_lines: [{ rate: 5 }] },
      { id: "b", unit_price: 2.1, quantity: 1, tax_lines: [{ rate: 5 }] },
    ], "aed")
    expect([two.get("a"), two.get("b")].map((x) => [x!.taxable, x!.tax, x!.total])).toEqual([[210, 11, 221], [210, 10, 220]])
    // Three 0.30 lines at 5 %: 0.015 each, half up 0.02 × 3 = 0.06; Medusa 0.945 → 0.95 authorized
    // (VAT 0.045 → 5 fils): 2 / 2 / 1 → 0.32 + 0.32 + 0.31 = 0.95.
    const three = orderItemAmounts(["x", "y", "z"].map((id) => ({ id, unit_price: 0.3, quantity: 1, tax_lines: [{ rate: 5 }] })), "aed")
    expect([...three.values()].map((x) => x.total)).toEqual([32, 32, 31])
    // 3 × 33.33 at 5 %: 4.9995 → 5.00 per line and 104.9895 → 104.99 for Medusa: equal, unchanged.
    expect(orderItemAmounts([{ id: "l", unit_price: 33.33, quantity: 3, tax_lines: [{ rate: 5 }] }], "aed").get("l")!.total).toBe(10499)
    // Authorization above Σ lines (three 1.15 at 10 % off: Medusa 3.26025 → 3.26, lines 3.25) is left
    // alone: the lines capture 3.25, the extra fils is released with the authorization.
    const promo = ["p", "q", "r"].map((id) => ({ id, unit_price: 1.15, quantity: 1, adjustments: [{ amount: 0.115 }], tax_lines: [{ rate: 5 }] }))
    expect([...orderItemAmounts(promo, "aed").values()].map((x) => x.total)).toEqual([108, 108, 109])
    // Untaxed and tax-inclusive lines are never touched.
    expect(orderItemAmounts([{ id: "n", unit_price: 2.1, quantity: 1 }, { id: "i", unit_price: 2.1, quantity: 1, is_tax_inclusive: true, tax_lines: [{ rate: 5 }] }], "aed").get("n")!.total).toBe(210)
  })
})
