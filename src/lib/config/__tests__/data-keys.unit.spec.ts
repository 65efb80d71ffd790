import { randomBytes } from "node:crypto"
import { assertProductionDataKeys, dataKeyring, DataKeyError, keyIdOf, lookupHash, needsReseal, open, seal } from "../data-keys"
import { resealStoredMerchant, revealMerchant, sealMerchantFields } from "../../../modules/marketplace/sensitive-columns"

const hex = () => randomBytes(32).toString("hex")

describe("data keys (encryption at rest)", () => {
  it("seals under the first listed key, opens with any listed key, and names the key id in the value", () => {
    const k1 = hex()
    const old = dataKeyring({ DATA_ENCRYPTION_KEYS: `k1:${k1}` })
    const sealed = seal("7707083893", old)
    expect(sealed).toMatch(/^enc:v1:k1:/)
    expect(sealed).not.toContain("7707083893")
    expect(seal("7707083893", old)).not.toBe(sealed) // random IV: equal values do not look equal
    const rotated = dataKeyring({ DATA_ENCRYPTION_KEYS: `k2:${hex()},k1:${k1}` })
    expect(rotated.activeId).toBe("k2")
    expect(open(sealed, rotated)).toBe("7707083893")
    expect(needsReseal(sealed, rotated)).toBe(true)
    expect(keyIdOf(seal("x", rotated))).toBe("k2")
  })

  it("a wrong key or a missing key id is a clear DataKeyError, never garbage", () => {
    const sealed = seal("secret", dataKeyring({ DATA_ENCRYPTION_KEYS: `k1:${hex()}` }))
    expect(() => open(sealed, dataKeyring({ DATA_ENCRYPTION_KEYS: `k1:${hex()}` }))).toThrow(/Key 'k1' in DATA_ENCRYPTION_KEYS does not decrypt/)
    expect(() => open(sealed, dataKeyring({ DATA_ENCRYPTION_KEYS: `k9:${hex()}` }))).toThrow(/key 'k1', which DATA_ENCRYPTION_KEYS does not list \(it has: k9\)/)
    expect(() => open(sealed, dataKeyring({ DATA_ENCRYPTION_KEYS: `k1:${hex()}` }))).toThrow(DataKeyError)
  })

  it("refuses malformed keyrings, and production without one", () => {
    expect(() => dataKeyring({ DATA_ENCRYPTION_KEYS: "k1:short" })).toThrow(/32 bytes/)
    expect(() => dataKeyring({ DATA_ENCRYPTION_KEYS: `${hex()}` })).toThrow(/<key id>:<key>/)
    expect(() => dataKeyring({ DATA_ENCRYPTION_KEYS: `a:${hex()},a:${hex()}` })).toThrow(/listed twice/)
    expect(() => assertProductionDataKeys({ NODE_ENV: "production" })).toThrow(/DATA_ENCRYPTION_KEYS must be set in production/)
    expect(() => assertProductionDataKeys({ NODE_ENV: "production", DATA_ENCRYPTION_KEYS: `k1:${hex()}` })).toThrow(/DATA_HASH_KEY/)
    expect(() => assertProductionDataKeys({ NODE_ENV: "production", DATA_ENCRYPTION_KEYS: `k1:${hex()}`, DATA_HASH_KEY: hex() })).not.toThrow()
    expect(() => lookupHash("7707083893", { NODE_ENV: "production" })).toThrow(/DATA_HASH_KEY/)
  })

  it("merchant columns: sealed with lookup hashes on write, opened without them on read, re-sealed once on rotation", () => {
    const k1 = hex()
    const ring1 = dataKeyring({ DATA_ENCRYPTION_KEYS: `k1:${k1}` })
    const written = sealMerchantFields({ id: "mer_1", inn: "7707083893", contact_phone: "+7 495 000", payout_method: { iban: "DE89" }, trn: null }, ring1)
    expect(written.inn).toMatch(/^enc:v1:k1:/)
    expect((written as any).inn_hash).toBe(lookupHash(" 7707083893 "))
    expect((written as any).trn_hash).toBeNull()
    expect(written.payout_method).toEqual({ sealed: expect.stringMatching(/^enc:v1:k1:/) })
    expect(revealMerchant({ ...written }, ring1)).toEqual({ id: "mer_1", inn: "7707083893", contact_phone: "+7 495 000", payout_method: { iban: "DE89" }, trn: null })
    expect(resealStoredMerchant(written, ring1)).toBeNull()
    const ring2 = dataKeyring({ DATA_ENCRYPTION_KEYS: `k2:${hex()},k1:${k1}` })
    const update = resealStoredMerchant(written, ring2)!
    expect(Object.keys(update).sort()).toEqual(["contact_phone", "inn", "inn_hash", "payout_method"])
    expect(revealMerchant({ ...written, ...update }, dataKeyring({ DATA_ENCRYPTION_KEYS: `k2:${ring2.keys.get("k2")!.toString("hex")}` })).payout_method).toEqual({ iban: "DE89" })
    // A row written before encryption (values in clear) is sealed by the same function (the migration's path).
    expect(resealStoredMerchant({ inn: "7707083893", trn: null, contact_phone: null, payout_method: { iban: "X" } }, ring1)).toEqual({
      inn: expect.stringMatching(/^enc:v1:k1:/), inn_hash: lookupHash("7707083893"), payout_method: { sealed: expect.stringMatching(/^enc:v1:k1:/) },
    })
  })
})
