import type { Locale } from "./i18n"
import { localeHeaders, requireSdk } from "./sdk"

type Store = ReturnType<typeof requireSdk>["store"]
export type StoreOrder = Awaited<ReturnType<Store["order"]["retrieve"]>>["order"]

/** An amount as the server sends it (major units; decimal strings keep it exact). */
export type Amount = number | string

export type LineHistoryEntry = {
  transition: string
  from: string | null
  to: string
  actor_type: "buyer" | "merchant" | "operator" | "system" | string
  reason: string | null
  at: string
}

/** One line of an order with its lifecycle: `GET /store/orders/:id/lines` (DESIGN.md §4). */
export type OrderLine = {
  id: string
  line_item_id: string
  title: string | null
  subtitle: string | null
  quantity: number | null
  unit_price: Amount | null
  thumbnail?: string | null
  kind: "PHYSICAL" | "SERVICE" | "COURSE"
  merchant_id: string
  state: string
  process_version: number
  carrier: string | null
  tracking_number: string | null
  currency_code?: string | null
  /** Major units (issue 5: a line with money captured and not refunded can be disputed). */
  captured_amount?: Amount | null
  refunded_amount?: Amount | null
  history: LineHistoryEntry[]
  allowed_transitions: { name: string; to: string }[]
  /** A booked service line's slot (docs/booking.md). */
  booking?: { id: string; status: string; start_at: string; end_at: string; timezone: string } | null
}

/**
 * The buyer's lines of an order, shared by the lines list and the totals (one request every few
 * seconds); per language, since their titles are in the reader's (issue 21).
 */
export const orderLinesKey = (orderId: string, locale: Locale, guest = false) => ["orders", orderId, "lines", locale, guest ? "guest" : "buyer"] as const

/** `?token=` for the order's signed link (a guest's), or nothing for the signed-in buyer. */
export const linkQuery = (linkToken?: string | null) => (linkToken ? `?token=${encodeURIComponent(linkToken)}` : "")

/** The order's lines; `linkToken` (the order's signed link) lets a guest read and move them. */
export async function listOrderLines(orderId: string, locale: Locale, linkToken?: string | null): Promise<OrderLine[]> {
  const res = await requireSdk().client.fetch<{ lines: OrderLine[] }>(
    `/store/orders/${encodeURIComponent(orderId)}/lines${linkQuery(linkToken)}`,
    { headers: localeHeaders(locale) }
  )
  return res.lines
}

export async function transitionOrderLine(orderId: string, lineId: string, to: string, reason: string, linkToken?: string | null): Promise<OrderLine> {
  const res = await requireSdk().client.fetch<{ line: OrderLine }>(
    `/store/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/transitions${linkQuery(linkToken)}`,
    { method: "POST", body: { to, reason } }
  )
  return res.line
}

/** Order fields the confirmation and list pages need. */
export const ORDER_FIELDS =
  "id,display_id,created_at,currency_code,email,total,subtotal,item_subtotal,shipping_total,shipping_subtotal,shipping_tax_total,discount_total,discount_subtotal,tax_total,*items,items.total,items.subtotal,items.discount_subtotal,items.tax_total,credit_line_total,payment_collections.captured_amount,payment_collections.refunded_amount,*shipping_address"

/** Status code of an sdk FetchError (or undefined). */
export function statusOf(err: unknown): number | undefined {
  return typeof err === "object" && err !== null ? (err as { status?: number }).status : undefined
}

/** A new random id for `X-Idempotency-Key`. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}
