import { createHmac, timingSafeEqual } from "crypto"
import { DEV_JWT_SECRET } from "../config/secrets"

/**
 * A guest's signed link to one order (issue 20 §2): `?token=<exp>.<sig>`, HMAC-SHA256 over the order id
 * and the expiry. The notifications work emails it; GET /store/orders/:id accepts it instead of a
 * signed-in customer. ORDER_LINK_SECRET falls back to JWT_SECRET (production refuses a weak one).
 */
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600

export function orderLinkSecret(env: Record<string, string | undefined> = process.env): string {
  return env.ORDER_LINK_SECRET || env.JWT_SECRET || DEV_JWT_SECRET
}

function mac(secret: string, orderId: string, exp: number): string {
  return createHmac("sha256", `order-link\n${secret}`).update(`${orderId}\n${exp}`).digest("base64url")
}

export function signOrderToken(orderId: string, opts: { ttlSeconds?: number; now?: Date; secret?: string } = {}): string {
  const now = opts.now ?? new Date()
  const exp = Math.floor(now.getTime() / 1000) + Math.max(1, Math.floor(opts.ttlSeconds ?? DEFAULT_TTL_SECONDS))
  return `${exp}.${mac(opts.secret ?? orderLinkSecret(), orderId, exp)}`
}

/**
 * What a token proves about this order: "valid" (authentic, made for exactly this order, unexpired),
 * "expired" (authentic for this order, past its expiry) or "invalid" (malformed, forged, or made for
 * another order). The expiry is judged only after the signature holds, so a forger learns nothing.
 */
export type OrderTokenCheck = "valid" | "expired" | "invalid"

export function checkOrderToken(orderId: string, token: unknown, opts: { now?: Date; secret?: string } = {}): OrderTokenCheck {
  if (typeof token !== "string" || token.length > 200) return "invalid"
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return "invalid"
  const exp = Number(match[1])
  const expected = Buffer.from(mac(opts.secret ?? orderLinkSecret(), orderId, exp))
  const given = Buffer.from(match[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid"
  return exp * 1000 > (opts.now ?? new Date()).getTime() ? "valid" : "expired"
}

/** True only for an authentic, unexpired token made for exactly this order. */
export function verifyOrderToken(orderId: string, token: unknown, opts: { now?: Date; secret?: string } = {}): boolean {
  return checkOrderToken(orderId, token, opts) === "valid"
}

/** The storefront URL a guest follows to see the order (for the order-confirmation email). */
export function orderLinkUrl(orderId: string, opts: { storefrontUrl?: string; ttlSeconds?: number; now?: Date } = {}): string {
  const base = (opts.storefrontUrl ?? process.env.STOREFRONT_URL ?? "http://localhost:8000").replace(/\/+$/, "")
  return `${base}/orders/${encodeURIComponent(orderId)}?token=${signOrderToken(orderId, opts)}`
}
