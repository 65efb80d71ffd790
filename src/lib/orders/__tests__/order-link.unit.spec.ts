import { checkOrderToken, orderLinkUrl, signOrderToken, verifyOrderToken } from "../order-link"

describe("signed order links", () => {
  const secret = "s".repeat(32)
  const now = new Date("2026-01-01T00:00:00Z")

  it("verifies its own token for its own order until it expires", () => {
    const token = signOrderToken("order_1", { secret, now, ttlSeconds: 60 })
    expect(verifyOrderToken("order_1", token, { secret, now })).toBe(true)
    expect(verifyOrderToken("order_2", token, { secret, now })).toBe(false)
    expect(verifyOrderToken("order_1", token, { secret: "t".repeat(32), now })).toBe(false)
    expect(verifyOrderToken("order_1", token, { secret, now: new Date(now.getTime() + 61_000) })).toBe(false)
  })

  it("refuses an edited expiry, garbage and non-strings", () => {
    const token = signOrderToken("order_1", { secret, now, ttlSeconds: 60 })
    const [exp, sig] = token.split(".")
    expect(verifyOrderToken("order_1", `${Number(exp) + 3600}.${sig}`, { secret, now })).toBe(false)
    for (const bad of ["", "x", `${exp}.`, ["a"], 42, undefined]) expect(verifyOrderToken("order_1", bad, { secret, now })).toBe(false)
  })

  it("tells an expired token of this order from a forged one or another order's", () => {
    const token = signOrderToken("order_1", { secret, now, ttlSeconds: 60 })
    const later = new Date(now.getTime() + 61_000)
    expect(checkOrderToken("order_1", token, { secret, now })).toBe("valid")
    expect(checkOrderToken("order_1", token, { secret, now: later })).toBe("expired")
    // Another order's token, or a forged one, is "invalid" even once past its expiry: expiry is told only to the signature's owner.
    expect(checkOrderToken("order_2", token, { secret, now: later })).toBe("invalid")
    expect(checkOrderToken("order_1", token, { secret: "t".repeat(32), now: later })).toBe("invalid")
    expect(checkOrderToken("order_1", undefined, { secret, now })).toBe("invalid")
  })

  it("builds the storefront link", () => {
    expect(orderLinkUrl("order_1", { storefrontUrl: "https://shop.example/" })).toMatch(/^https:\/\/shop\.example\/orders\/order_1\?token=\d+\.[\w-]{43}$/)
  })
})
