import { RECEIPT_HEADER, receiptTime, stampReceipt } from "../webhook-receipt"

describe("webhook receipt stamp", () => {
  const sig = "t=1767225600,v1=" + "a".repeat(64)
  it("gives back the arrival time only for the signature and secret it was stamped with", () => {
    const headers: Record<string, unknown> = {}
    stampReceipt(headers, "whsec_1", sig, 1767225601234)
    expect(receiptTime(headers, "whsec_1", sig)).toBe(1767225601234)
    expect(receiptTime(headers, "whsec_2", sig)).toBeUndefined()
    expect(receiptTime(headers, "whsec_1", sig.replace("a", "b"))).toBeUndefined() // another delivery's signature
    const moved = { [RECEIPT_HEADER]: String(headers[RECEIPT_HEADER]).replace("t=1767225601234", "t=1767225001234") }
    expect(receiptTime(moved, "whsec_1", sig)).toBeUndefined() // an arrival time moved back
    expect(receiptTime({}, "whsec_1", sig)).toBeUndefined()
    expect(receiptTime(headers, "whsec_1", undefined)).toBeUndefined()
  })
})
