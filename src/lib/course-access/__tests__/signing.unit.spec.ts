import { judgeGrant, keyId, signAsset, verifyAsset, watermarkToken } from "../signing"

const NOW = new Date("2026-11-24T12:00:00Z")
const later = (s: number) => new Date(NOW.getTime() + s * 1000)
const K1 = "first-secret-0123456789"
const K2 = "second-secret-0123456789"
const K3 = "third-secret-0123456789"

describe("course asset URL signing", () => {
  const signed = signAsset({ current: K1 }, "cgrant_A", "lesson_1", 60, NOW)

  it("accepts an untouched URL before it expires", () => {
    expect(verifyAsset({ current: K1 }, signed, later(59))).toEqual({ ok: true, grant: "cgrant_A", asset: "lesson_1", exp: signed.exp })
    expect(signed.kid).toBe(keyId(K1))
  })

  it("refuses a tampered parameter (asset, grant, expiry or signature)", () => {
    for (const tampered of [
      { ...signed, asset: "lesson_2" },
      { ...signed, grant: "cgrant_B" },
      { ...signed, exp: signed.exp + 3600 },
      { ...signed, sig: signed.sig.slice(0, -1) + (signed.sig.endsWith("A") ? "B" : "A") },
      { ...signed, sig: signed.sig + "x" },
    ]) {
      expect(verifyAsset({ current: K1 }, tampered, later(1))).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_TAMPERED" }))
    }
  })

  it("refuses an expired URL, at the expiry second itself too", () => {
    expect(verifyAsset({ current: K1 }, signed, later(60))).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_EXPIRED" }))
    expect(verifyAsset({ current: K1 }, signed, later(3600))).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_EXPIRED" }))
  })

  it("refuses missing or malformed parameters", () => {
    expect(verifyAsset({ current: K1 }, { ...signed, exp: "soon" as any }, NOW)).toEqual(expect.objectContaining({ code: "COURSE_URL_INVALID" }))
    expect(verifyAsset({ current: K1 }, { grant: "cgrant_A", asset: "lesson_1" }, NOW)).toEqual(expect.objectContaining({ code: "COURSE_URL_INVALID" }))
  })

  it("rotated key: the old key stays valid for one rotation, then not", () => {
    // Rotation 1: K2 signs, K1 is the previous key and still verifies.
    expect(verifyAsset({ current: K2, previous: K1 }, signed, later(1)).ok).toBe(true)
    const fresh = signAsset({ current: K2, previous: K1 }, "cgrant_A", "lesson_1", 60, NOW)
    expect(fresh.kid).toBe(keyId(K2))
    // Rotation 2: K3 signs, K2 previous: URLs of K1 are refused, URLs of K2 still pass.
    expect(verifyAsset({ current: K3, previous: K2 }, signed, later(1))).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_KEY_RETIRED" }))
    expect(verifyAsset({ current: K3, previous: K2 }, fresh, later(1)).ok).toBe(true)
  })

  it("a kid naming the previous key cannot carry a signature of another key", () => {
    const forged = { ...signAsset({ current: K3 }, "cgrant_A", "lesson_1", 60, NOW), kid: keyId(K1) }
    expect(verifyAsset({ current: K2, previous: K1 }, forged, later(1))).toEqual(expect.objectContaining({ code: "COURSE_URL_TAMPERED" }))
  })
})

describe("judging the grant behind an authentic URL", () => {
  const grant = { id: "cgrant_A", customer_id: "cus_A", status: "ACTIVE", expires_at: null }

  it("serves the grant's own buyer, or an anonymous holder of the signed URL", () => {
    expect(judgeGrant(grant, { now: NOW, requesterCustomerId: "cus_A" })).toEqual({ ok: true })
    expect(judgeGrant(grant, { now: NOW })).toEqual({ ok: true })
  })

  it("refuses another signed-in buyer", () => {
    expect(judgeGrant(grant, { now: NOW, requesterCustomerId: "cus_B" })).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_WRONG_BUYER" }))
  })

  it("for playback (buyerOnly) refuses an anonymous request: a copied link alone does not play", () => {
    expect(judgeGrant(grant, { now: NOW, requesterCustomerId: null, buyerOnly: true })).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_SIGN_IN_REQUIRED" }))
    expect(judgeGrant(grant, { now: NOW, requesterCustomerId: "cus_B", buyerOnly: true })).toEqual(expect.objectContaining({ ok: false, code: "COURSE_URL_WRONG_BUYER" }))
    expect(judgeGrant(grant, { now: NOW, requesterCustomerId: "cus_A", buyerOnly: true })).toEqual({ ok: true })
  })

  it("refuses a revoked grant", () => {
    expect(judgeGrant({ ...grant, status: "REVOKED" }, { now: NOW })).toEqual(expect.objectContaining({ ok: false, code: "COURSE_GRANT_REVOKED" }))
  })

  it("refuses a grant whose access window ended (exactly at its end too), and a missing grant", () => {
    expect(judgeGrant({ ...grant, expires_at: later(1) }, { now: NOW }).ok).toBe(true)
    expect(judgeGrant({ ...grant, expires_at: NOW }, { now: NOW })).toEqual(expect.objectContaining({ code: "COURSE_GRANT_EXPIRED" }))
    expect(judgeGrant({ ...grant, status: "EXPIRED" }, { now: NOW })).toEqual(expect.objectContaining({ code: "COURSE_GRANT_EXPIRED" }))
    expect(judgeGrant(null, { now: NOW })).toEqual(expect.objectContaining({ code: "COURSE_GRANT_NOT_FOUND" }))
  })

  it("watermark tokens are per grant and stable", () => {
    expect(watermarkToken(K1, "cgrant_A")).toBe(watermarkToken(K1, "cgrant_A"))
    expect(watermarkToken(K1, "cgrant_A")).not.toBe(watermarkToken(K1, "cgrant_B"))
  })
})
