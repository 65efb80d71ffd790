import { captureEffect, refundEffect } from "../effects"

// A 20.00 line, 10 % commission: net 18.00, commission 2.00.
const line = { order_line_id: "l1", order_id: "o1", merchant_id: "m1", currency_code: "eur", gross: 2000, net: 1800, commission: 200, refund_reverses_commission: true }

describe("money effect of a line move", () => {
  it("capture: the buyer pays the line, the merchant's share and the commission add up to it", () => {
    const e = captureEffect(line, 2000, 0)
    expect(e).toEqual({ captured: 2000, refunded: 0, released: 0, merchant_net: 1800, platform_commission: 200, commission_vat: 0 })
    expect(e.merchant_net + e.platform_commission).toBe(e.captured)
  })

  it("partial refunds reverse the share pro rata and add up to the whole line", () => {
    const first = refundEffect(line, 2000, 2000, 0, 333)
    const rest = refundEffect(line, 2000, 2000, 333, 1667)
    expect(first.refunded + rest.refunded).toBe(2000)
    expect(first.merchant_net + rest.merchant_net).toBe(-1800)
    expect(first.platform_commission + rest.platform_commission).toBe(-200)
    expect(first.merchant_net + first.platform_commission).toBe(-333)
  })

  it("cancelling before capture releases the authorization and moves no ledger money", () => {
    expect(refundEffect(line, 2000, 0, 0, 2000)).toEqual({ captured: 0, refunded: 0, released: 2000, merchant_net: 0, platform_commission: 0, commission_vat: 0 })
  })

  it("a UAE merchant's VAT on commission is its own figure, beside net and commission", () => {
    // AED 105.00 line, 10 % commission on it: commission 10.50; 5 % UAE VAT on the commission: 0.525 → 0.53
    // (half up); net = 105.00 − 10.50 − 0.53 = 93.97. Capture: 9397 + 1050 + 53 = 10500.
    const ae = { order_line_id: "l2", order_id: "o2", merchant_id: "m2", currency_code: "aed", gross: 10500, net: 9397, commission: 1050, commission_vat: 53, refund_reverses_commission: true }
    const captured = captureEffect(ae, 10500, 0)
    expect(captured).toEqual({ captured: 10500, refunded: 0, released: 0, merchant_net: 9397, platform_commission: 1050, commission_vat: 53 })
    expect(captured.merchant_net + captured.platform_commission + captured.commission_vat).toBe(captured.captured)
    // Refunding the whole line reverses each of the three exactly.
    const refunded = refundEffect(ae, 10500, 10500, 0, 10500)
    expect([refunded.merchant_net, refunded.platform_commission, refunded.commission_vat]).toEqual([-9397, -1050, -53])
  })
})
