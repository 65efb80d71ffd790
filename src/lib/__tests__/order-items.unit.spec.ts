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
})
