import { shippingCapturedMinor } from "../ledger"

/**
 * Issue 17 §5: the delivery booked to PLATFORM_SHIPPING is the delivery the buyer was charged.
 * Order: lamp 20.00 (physical), course 42.00, massage 30.00, delivery 7.00 (cents below).
 */
describe("shipping captured for the ledger", () => {
  const charged = 700

  it("is nothing before a physical line has finished its capture, even with other captures on the payment", () => {
    // The course captured 42.00 on access; the lamp's capture (20.00 + 7.00) is in flight: the payment
    // shows 69.00, the lines 42.00. The residual 27.00 is the lamp and its delivery, not yet booked lines.
    expect(shippingCapturedMinor({ charged, capturedOnPayments: 6900, capturedByLines: 4200, physicalLineCaptured: false })).toBe(0)
  })

  it("is the delivery charged once the lamp captured it, whatever capture is in flight meanwhile", () => {
    // At rest: 20 + 7 + 42 captured, lines 20 + 42 → 7.00.
    expect(shippingCapturedMinor({ charged, capturedOnPayments: 6900, capturedByLines: 6200, physicalLineCaptured: true })).toBe(700)
    // The massage's 30.00 captured, its line not written yet: the residual is 37.00, the delivery still 7.00.
    expect(shippingCapturedMinor({ charged, capturedOnPayments: 9900, capturedByLines: 6200, physicalLineCaptured: true })).toBe(700)
  })

  it("never exceeds what the payments captured beyond the lines (shipping not captured stays unbooked)", () => {
    expect(shippingCapturedMinor({ charged, capturedOnPayments: 6200, capturedByLines: 6200, physicalLineCaptured: true })).toBe(0)
    expect(shippingCapturedMinor({ charged: 0, capturedOnPayments: 9900, capturedByLines: 6200, physicalLineCaptured: true })).toBe(0)
  })
})
