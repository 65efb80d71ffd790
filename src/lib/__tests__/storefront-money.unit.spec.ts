import { lineMoney, summarize, toMinorUnits } from "../../../storefront/lib/money"
import { orderBalance, type LineForMoney } from "../../../storefront/lib/order-money"

// The buyer's money on cart, checkout and order pages (issue 21 §3): the rows shown add up to the
// total charged, to the minor unit, in integers.
describe("storefront money", () => {
  it("brings Medusa's major units to minor units by digits, half up", () => {
    expect(toMinorUnits(14, "eur")).toBe(1400)
    expect(toMinorUnits("1.255", "aed")).toBe(126)
    expect(toMinorUnits(1.254, "aed")).toBe(125)
    expect(toMinorUnits(0.1 + 0.2, "eur")).toBe(30) // 0.30000000000000004
    expect(toMinorUnits("-3.005", "eur")).toBe(-301)
    expect(toMinorUnits({ value: "84" }, "eur")).toBe(8400)
    expect(toMinorUnits(1500, "jpy")).toBe(1500)
    expect(toMinorUnits("1.2345", "kwd")).toBe(1235)
    expect(toMinorUnits(null, "eur")).toBe(0)
    expect(toMinorUnits(1e-7, "eur")).toBe(0)
  })

  it("counts UAE delivery VAT once: delivery before tax, tax holds it (the AED cart seen on main)", () => {
    // 3 × 59 AED goods without VAT, 25 AED delivery + 5 % VAT: Medusa's shipping_total is 26.25 and
    // its tax_total 1.25 holds the same VAT; main showed 177 + 26.25 + 1.25 beside a 203.25 total.
    const s = summarize(
      { total: 203.25, item_subtotal: 177, shipping_subtotal: 25, shipping_total: 26.25, shipping_tax_total: 1.25, discount_subtotal: 0, discount_total: 0, tax_total: 1.25 },
      "aed"
    )
    expect(s).toEqual({ items: 17700, delivery: 2500, discount: 0, tax: 125, total: 20325 })
    expect(s.items + s.delivery - s.discount + s.tax).toBe(s.total)
  })

  it("discount before tax; the tax row takes Medusa's once-rounded total's last minor unit", () => {
    // Two 2.10 AED lines with 5 % VAT: per-line VAT 0.105 + 0.105, Medusa's total 4.41 (rounded once).
    const s = summarize({ total: 4.41, item_subtotal: 4.2, shipping_subtotal: 0, discount_subtotal: 0, tax_total: 0.21 }, "aed")
    expect(s).toEqual({ items: 420, delivery: 0, discount: 0, tax: 21, total: 441 })
    const d = summarize({ total: 60.3, item_subtotal: 63, shipping_subtotal: 7, discount_subtotal: 9.7, discount_total: 9.7, tax_total: 0 }, "eur")
    expect(d.items + d.delivery - d.discount + d.tax).toBe(d.total)
    expect(d).toEqual({ items: 6300, delivery: 700, discount: 970, tax: 0, total: 6030 })
    // Without shipping_subtotal (older answers): delivery is shipping_total less its tax.
    expect(summarize({ total: 203.25, item_subtotal: 177, shipping_total: 26.25, shipping_tax_total: 1.25, tax_total: 1.25 }, "aed").delivery).toBe(2500)
  })

  it("an order's total as placed: Medusa's total less its refunds' credit lines is brought back", () => {
    // The checkout flow's order after its course was refunded: Medusa's total 21.00 with a 49.00 credit line.
    expect(summarize({ total: 21, credit_line_total: 49, item_subtotal: 63, shipping_subtotal: 7, discount_subtotal: 0, tax_total: 0 }, "eur")).toEqual({
      items: 6300, delivery: 700, discount: 0, tax: 0, total: 7000,
    })
  })

  it("a line's price, discount, tax and total add up", () => {
    expect(lineMoney({ unit_price: 14, quantity: 2, subtotal: 28, discount_subtotal: 2.8, total: 26.46 }, "eur")).toEqual({
      unit: 1400, quantity: 2, subtotal: 2800, discount: 280, tax: 126, total: 2646,
    })
    // A cart line without totals asked for: subtotal from price × quantity, no invented tax.
    expect(lineMoney({ unit_price: 49, quantity: 1 }, "eur")).toEqual({ unit: 4900, quantity: 1, subtotal: 4900, discount: 0, tax: 0, total: 4900 })
  })

  describe("the order after cancellations and refunds", () => {
    const items = { mug: 2800, course: 4900, massage: 12000 }
    const line = (p: Partial<LineForMoney> & { line_item_id: string; kind: string; state: string }): LineForMoney => ({ id: `ol_${p.line_item_id}`, title: p.line_item_id, ...p })

    it("a cancelled uncaptured line comes off whole; the rest is what the card pays (the €66.50 + €7.00 case)", () => {
      const b = orderBalance(8400, items, 700, [
        line({ line_item_id: "mug", kind: "PHYSICAL", state: "CANCELLED" }),
        line({ line_item_id: "course", kind: "COURSE", state: "ACCESS_GRANTED", captured_amount: 49 }),
      ], [{ captured_amount: 49, refunded_amount: 0 }], "eur")
      // With the only goods line cancelled, its delivery comes off too.
      expect(b.adjustments.map((a) => [a.kind, a.amount])).toEqual([["cancelled", -2800], ["delivery", -700]])
      expect(b.payable).toBe(4900)
      expect(b.charged).toBe(4900)
      expect(b.payable).toBe(8400 + b.adjustments.reduce((s, a) => s + a.amount, 0))
    })

    it("a late cancellation keeps its fee as a row; a refunded course and a partial refund show as rows", () => {
      const b = orderBalance(8400 + 12000, items, 700, [
        line({ line_item_id: "mug", kind: "PHYSICAL", state: "DELIVERED", captured_amount: 35, refunded_amount: 5.5 }),
        line({ line_item_id: "course", kind: "COURSE", state: "REFUNDED", captured_amount: 49, refunded_amount: 49 }),
        line({ line_item_id: "massage", kind: "SERVICE", state: "CANCELLED", captured_amount: 120, refunded_amount: "90.00" }),
      ], [{ captured_amount: 35 + 49 + 120, refunded_amount: 5.5 + 49 + 90 }], "eur")
      expect(b.adjustments.map((a) => [a.kind, a.line_id, a.amount])).toEqual([
        ["refund", "ol_mug", -550],
        ["refunded", "ol_course", -4900],
        ["cancelled", "ol_massage", -12000],
        ["fee", "ol_massage", 3000],
      ])
      // 204.00 − 5.50 − 49.00 − 120.00 + 30.00: the mug with delivery less its refund, and the fee.
      expect(b.payable).toBe(5950)
      expect(b.charged).toBe(b.payable)
    })
  })
})
