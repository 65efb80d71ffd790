import crypto from "node:crypto"

/**
 * Webhooks are verified once, when they arrive (issue 17 §7). Medusa's /hooks/payment route answers
 * 200 and processes the event later through the event bus (after `webhook_delay`, with retries), so
 * a timestamp check repeated at processing time would drop an event that was fresh on arrival.
 *
 * The receipt middleware (src/api/hooks/verify-at-receipt.ts) checks the provider's signature and
 * tolerance against the arrival time, then stamps the delivery with that time, MACed with the
 * same webhook secret over the provider's signature header (which itself covers the body). The
 * provider, when it processes the event, checks the signature against the stamped arrival time;
 * a delivery without a valid stamp (e.g. a provider called directly) is checked against "now".
 * Only the middleware writes the header: it deletes any value a caller sent.
 */
export const RECEIPT_HEADER = "x-snail-webhook-receipt"

const mac = (secret: string, receivedAtMs: number, signature: string) =>
  crypto.createHmac("sha256", secret).update(`receipt.${receivedAtMs}.${signature}`).digest("hex")

export function stampReceipt(headers: Record<string, unknown>, secret: string, signature: string, receivedAtMs = Date.now()) {
  headers[RECEIPT_HEADER] = `t=${receivedAtMs},v1=${mac(secret, receivedAtMs, signature)}`
}

/** Arrival time (ms) stamped on this delivery, or undefined when there is no valid stamp. */
export function receiptTime(headers: Record<string, unknown> | undefined, secret: string, signature: unknown): number | undefined {
  const value = headers?.[RECEIPT_HEADER]
  if (typeof value !== "string" || typeof signature !== "string" || !secret) return undefined
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(value)
  if (!m) return undefined
  const expected = Buffer.from(mac(secret, Number(m[1]), signature), "hex")
  return crypto.timingSafeEqual(Buffer.from(m[2], "hex"), expected) ? Number(m[1]) : undefined
}
