import { orderPaymentSummary } from "../payment-status"

const line = (state: string, amount: number, captured = 0, refunded = 0) => ({
  state, amount_minor: amount * 100, captured_amount: captured, refunded_amount: refunded, currency_code: "eur",
})

describe("orderPaymentSummary", () => {
  it("follows per-line capture and refund", () => {
    expect(orderPaymentSummary([line("PAID", 20), line("PAID", 15)])?.payment_status).toBe("authorized")
    expect(orderPaymentSummary([line("FULFILLING", 20, 20), line("PAID", 15)])?.payment_status).toBe("partially_captured")
    expect(orderPaymentSummary([line("FULFILLING", 20, 20), line("CANCELLED", 15)])?.payment_status).toBe("captured")
    expect(orderPaymentSummary([line("FULFILLING", 20, 20, 5), line("PAID", 15)])).toEqual(
      expect.objectContaining({ payment_status: "partially_refunded", captured: "20.00", refunded: "5.00", to_capture: "15.00" })
    )
    expect(orderPaymentSummary([line("CANCELLED", 20, 20, 20), line("CANCELLED", 15)])?.payment_status).toBe("refunded")
    expect(orderPaymentSummary([])).toBeNull()
  })
})
