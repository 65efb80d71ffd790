import { computeSignature, signatureHeader, verifySignature, WebhookSignatureError } from "../signature"

const secret = "whsec_test"
const body = JSON.stringify({ id: "evt_1", type: "payment_intent.authorized", data: { object: { id: "spi_1" } } })
const now = 1_750_000_000

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof WebhookSignatureError) return e.reason
    throw e
  }
  return undefined
}

describe("sandbox webhook signature", () => {
  it("signs t.<raw body> with HMAC-SHA256, hex, in the t=…,v1=… header", () => {
    // Reference computed independently: printf '1750000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(computeSignature(secret, now, '{"a":1}')).toBe("ebf41500cec43c6c72427067b946fe75289b8b5ff0ea75743f55c8b2722c3aab")
    expect(signatureHeader(secret, body, now)).toMatch(/^t=1750000000,v1=[0-9a-f]{64}$/)
  })

  it("accepts a good signature within the tolerance, from a string or a Buffer", () => {
    const header = signatureHeader(secret, body, now)
    expect(verifySignature(body, header, secret, { now: now + 299 })).toEqual({ timestamp: now })
    expect(verifySignature(Buffer.from(body), header, secret, { now })).toEqual({ timestamp: now })
  })

  it("rejects a changed body, a wrong secret and a tampered timestamp", () => {
    const header = signatureHeader(secret, body, now)
    expect(reasonOf(() => verifySignature(body + " ", header, secret, { now }))).toBe("bad_signature")
    expect(reasonOf(() => verifySignature(body, header, "whsec_other", { now }))).toBe("bad_signature")
    expect(reasonOf(() => verifySignature(body, header.replace(`t=${now}`, `t=${now + 1}`), secret, { now }))).toBe("bad_signature")
  })

  it("rejects a stale or future timestamp even with a valid HMAC", () => {
    const header = signatureHeader(secret, body, now)
    expect(reasonOf(() => verifySignature(body, header, secret, { now: now + 301 }))).toBe("stale_timestamp")
    expect(reasonOf(() => verifySignature(body, header, secret, { now: now - 301 }))).toBe("stale_timestamp")
    expect(reasonOf(() => verifySignature(body, header, secret, { now: now + 10, toleranceSeconds: 5 }))).toBe("stale_timestamp")
  })

  it("rejects missing and malformed headers", () => {
    expect(reasonOf(() => verifySignature(body, undefined, secret, { now }))).toBe("missing_header")
    expect(reasonOf(() => verifySignature(body, "", secret, { now }))).toBe("missing_header")
    expect(reasonOf(() => verifySignature(body, "v1=abc", secret, { now }))).toBe("malformed_header")
    expect(reasonOf(() => verifySignature(body, `t=${now}`, secret, { now }))).toBe("malformed_header")
    expect(reasonOf(() => verifySignature(body, `t=${now},v1=${"z".repeat(64)}`, secret, { now }))).toBe("malformed_header")
  })

  it("accepts any of several v1 entries (secret rotation)", () => {
    const good = computeSignature(secret, now, body)
    const header = `t=${now},v1=${"0".repeat(64)},v1=${good}`
    expect(verifySignature(body, header, secret, { now })).toEqual({ timestamp: now })
  })
})
