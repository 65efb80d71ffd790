import { assertProductionSecretKey, decryptSecret, DEV_SECRETS_KEY, encryptSecret, secretsKey } from "../secret-box"

describe("secret box (AES-256-GCM)", () => {
  const key = secretsKey({ FISCAL_SECRETS_KEY: "ab".repeat(32) })
  it("round-trips and never stores the plaintext", () => {
    const blob = encryptSecret("p@ss-word", key)
    expect(blob).not.toContain("p@ss")
    expect(decryptSecret(blob, key)).toBe("p@ss-word")
    expect(encryptSecret("p@ss-word", key)).not.toBe(blob) // fresh IV each time
  })
  it("refuses a tampered blob or another key", () => {
    const blob = encryptSecret("secret", key)
    const [v, iv, tag, data] = blob.split(":")
    const flipped = Buffer.from(data, "base64")
    flipped[0] ^= 1
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64")].join(":"), key)).toThrow()
    expect(() => decryptSecret(blob, secretsKey({ FISCAL_SECRETS_KEY: "cd".repeat(32) }))).toThrow()
  })
  it("production refuses the development key or none", () => {
    expect(() => assertProductionSecretKey({ NODE_ENV: "production" })).toThrow(/FISCAL_SECRETS_KEY/)
    expect(() => assertProductionSecretKey({ NODE_ENV: "production", FISCAL_SECRETS_KEY: DEV_SECRETS_KEY })).toThrow()
    expect(() => assertProductionSecretKey({ NODE_ENV: "production", FISCAL_SECRETS_KEY: "ab".repeat(32) })).not.toThrow()
    expect(() => assertProductionSecretKey({ NODE_ENV: "development" })).not.toThrow()
  })
})

describe("secret box in production", () => {
  it("refuses to derive a key from the development default", () => {
    expect(() => secretsKey({ NODE_ENV: "production" })).toThrow(/FISCAL_SECRETS_KEY/)
    expect(secretsKey({ NODE_ENV: "production", FISCAL_SECRETS_KEY: "ab".repeat(32) })).toHaveLength(32)
  })
})
