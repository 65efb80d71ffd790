import crypto from "node:crypto"

/**
 * Webhook signatures of the sandbox PSP, Stripe-style:
 *   Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
 * Shared by the PSP server (signing) and the provider (verifying), so both sides agree byte for byte.
 */

export const SIGNATURE_HEADER = "sandbox-signature"
export const DEFAULT_TOLERANCE_SECONDS = 300

export type SignatureFailure = "missing_header" | "malformed_header" | "bad_signature" | "stale_timestamp"

export class WebhookSignatureError extends Error {
  constructor(public readonly reason: SignatureFailure, message: string) {
    super(message)
    this.name = "WebhookSignatureError"
  }
}

export function computeSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`${timestamp}.`)
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest("hex")
}

/** The header value for `rawBody` signed at `timestamp` (unix seconds, default now). */
export function signatureHeader(secret: string, rawBody: string | Buffer, timestamp = nowSeconds()): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`
}

/**
 * Throws WebhookSignatureError unless `header` carries a v1 signature of `rawBody` under `secret`
 * made within `toleranceSeconds` of `now` (either side: a timestamp from the future is as suspect
 * as an old one). Several v1 entries are accepted so a secret can be rotated.
 */
export function verifySignature(
  rawBody: string | Buffer | undefined,
  header: string | string[] | undefined,
  secret: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = nowSeconds() }: { toleranceSeconds?: number; now?: number } = {}
): { timestamp: number } {
  if (!secret) throw new WebhookSignatureError("bad_signature", "No webhook secret configured")
  const value = Array.isArray(header) ? header[0] : header
  if (!value) throw new WebhookSignatureError("missing_header", "Missing Sandbox-Signature header")
  if (rawBody === undefined || rawBody === null) throw new WebhookSignatureError("bad_signature", "No raw body to verify")

  let timestamp: number | undefined
  const signatures: string[] = []
  for (const part of value.split(",")) {
    const eq = part.indexOf("=")
    if (eq < 0) continue
    const key = part.slice(0, eq).trim()
    const val = part.slice(eq + 1).trim()
    if (key === "t" && /^\d+$/.test(val)) timestamp = Number(val)
    if (key === "v1" && /^[0-9a-f]{64}$/i.test(val)) signatures.push(val.toLowerCase())
  }
  if (timestamp === undefined || !signatures.length) {
    throw new WebhookSignatureError("malformed_header", "Sandbox-Signature must be t=<unix>,v1=<hex>")
  }

  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), "hex")
  const matches = signatures.some((s) => crypto.timingSafeEqual(Buffer.from(s, "hex"), expected))
  if (!matches) throw new WebhookSignatureError("bad_signature", "Webhook signature does not match")
  // Checked after the HMAC so a forged header learns nothing about the tolerance window.
  if (Math.abs(now - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError("stale_timestamp", `Webhook timestamp outside the ${toleranceSeconds} s tolerance`)
  }
  return { timestamp }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
