import { sdk } from "./sdk"

// The order's line lifecycles (GET /admin/orders/:id/lines) and operator moves.

export type LineHistory = { transition: string; from: string; to: string; actor_type: string; reason: string | null; at: string }
export type OrderLine = {
  id: string
  title: string | null
  subtitle: string | null
  quantity: number | null
  kind: "PHYSICAL" | "SERVICE" | "COURSE"
  merchant_id: string | null
  process_version: number
  state: string
  carrier: string | null
  tracking_number: string | null
  captured_amount: number | string
  currency_code: string
  history: LineHistory[]
  allowed_transitions: { name: string; to: string }[]
}

export const orderLinesKey = (orderId: string) => ["snail-order-lines", orderId]

export const listOrderLines = (orderId: string) =>
  sdk.client.fetch<{ lines: OrderLine[] }>(`/admin/orders/${encodeURIComponent(orderId)}/lines`)

export class LineMoveError extends Error {
  constructor(message: string, public code?: string) {
    super(code ? `${message} (${code})` : message)
  }
}

/** Plain fetch (same origin, session cookie) so the error `code` reaches the toast. */
export async function moveOrderLine(orderId: string, lineId: string, body: { to: string; reason?: string; carrier?: string; tracking_number?: string }) {
  const res = await fetch(`/admin/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/transitions`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new LineMoveError(data.message || `HTTP ${res.status}`, data.code)
  return data as { line: OrderLine }
}
