import { sdk } from "./sdk"

// Fiscal receipts (54-FZ) of the platform: GET /admin/fiscal/receipts, /admin/orders/:id/fiscal-receipts,
// retry and correction actions (docs/fiscal.md).

export type FiscalReceipt = {
  id: string
  order_id: string
  issuer: string
  provider_id: string
  operation: "sell" | "sell_refund" | "sell_correction"
  settlement: "prepayment" | "payment" | "refund" | "correction"
  status: "PENDING" | "SENT" | "DONE" | "FAILED"
  external_id: string
  total_minor: number
  currency_code: string
  attempts: number
  last_error: string | null
  fn_number: string | null
  fd_number: string | null
  fpd: string | null
  registered_at: string | null
  ofd_url: string | null
  correction_of: string | null
  created_at: string
  document: { items: { name: string; price: number; quantity: number; sum: number; payment_method: string; vat: { type: string; sum: number } }[] }
}

export const STATUS_COLOR: Record<FiscalReceipt["status"], "green" | "red" | "orange" | "blue"> = { DONE: "green", FAILED: "red", PENDING: "orange", SENT: "blue" }

export const fiscalKeys = {
  order: (orderId: string) => ["snail-fiscal-receipts", "order", orderId],
  list: (params: Record<string, unknown>) => ["snail-fiscal-receipts", "list", params],
  all: ["snail-fiscal-receipts"],
}

export const listOrderReceipts = (orderId: string) =>
  sdk.client.fetch<{ receipts: FiscalReceipt[] }>(`/admin/orders/${encodeURIComponent(orderId)}/fiscal-receipts`)

export const listReceipts = (query: Record<string, string | number | undefined>) =>
  sdk.client.fetch<{ receipts: FiscalReceipt[]; count: number; limit: number; offset: number }>("/admin/fiscal/receipts", {
    query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")),
  })

async function post(path: string, body: unknown) {
  const res = await fetch(path, {
    method: "POST", credentials: "include", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(data.code ? `${data.message} (${data.code})` : data.message || `HTTP ${res.status}`)
  return data as { receipt: FiscalReceipt }
}

export const retryReceipt = (id: string) => post(`/admin/fiscal/receipts/${encodeURIComponent(id)}/retry`, {})
export const correctReceipt = (id: string, reason: string) => post(`/admin/fiscal/receipts/${encodeURIComponent(id)}/correction`, { reason })

export const rub = (minor: number, currency: string) =>
  new Intl.NumberFormat("ru-RU", { style: "currency", currency: currency.toUpperCase() }).format(minor / 100)
