// Marketplace money (issue 5) for the storefront: the merchant portal's Money page
// (`/merchant/balance|payouts|statement|commission-rules|disputes`) and the buyer's disputes
// (`/store/disputes`, `/store/orders/:id/lines/:line_id/disputes`). Amounts here are integer
// MINOR units with a currency_code (unlike Medusa's own major-unit amounts).
import { ApiError, merchantRequest } from "./merchant-api"
import { BACKEND_URL, requireSdk } from "./sdk"

export type Balance = { currency_code: string; escrow: number; available: number; in_transit: number; paid_out: number }
export type Payout = {
  id: string
  currency_code: string
  amount: number
  status: "PENDING" | "PAID" | "FAILED"
  provider: string
  failure_reason: string | null
  settled_at: string | null
  created_at: string
}
export type CommissionRule = {
  id: string
  merchant_id: string | null
  product_kind: string | null
  category_id: string | null
  rate_bps: number
  fixed_fee_minor: number
  fixed_fee_currency: string | null
  valid_from: string | null
  valid_to: string | null
  note: string | null
}
export type StatementRow = {
  created_at: string
  kind: string
  account: string
  currency_code: string
  amount: number
  commission: number
  /** VAT the platform charged on that commission (UAE merchants). */
  commission_vat: number
  /** What the platform paid towards the buyer's discount on a promotion it funds. */
  platform_promotion: number
  balance: number
  order_id?: string | null
  payout_id?: string | null
  /** The order's number and, for a row about one line, its product (the dashboard links to both). */
  order_display_id?: number | null
  product_title?: string | null
  product_id?: string | null
}
export type CurrencyStatement = {
  currency_code: string
  opening: { escrow: number; available: number; total: number }
  closing: { escrow: number; available: number; total: number }
  totals: { credits: number; debits: number; commission: number; commission_vat: number; platform_promotion: number }
  rows: StatementRow[]
}
export type DisputeMessage = { id: string; author_type: "buyer" | "merchant" | "admin"; body: string; created_at: string }
export type Dispute = {
  id: string
  order_id: string
  order_line_id: string
  reason: string
  status: "OPEN" | "RESOLVED_REFUND" | "REJECTED"
  currency_code: string
  refund_amount: number | null
  resolution_note: string | null
  created_at: string
  messages?: DisputeMessage[]
  /** The order's number, the line's product and amount (minor units), in lists and in the detail. */
  order_display_id?: number | null
  product_title?: string | null
  product_id?: string | null
  line_amount?: number | null
}

export const DISPUTE_REASONS = ["NOT_RECEIVED", "NOT_AS_DESCRIBED", "DAMAGED", "SERVICE_NOT_PROVIDED", "ACCESS_PROBLEM", "OTHER"] as const

// ── formatting ────────────────────────────────────────────────────────────

// Minor-unit formatting lives with the other money helpers (lib/money.ts).
export { formatMinor, minorToMajorString } from "./money"

export const formatBps = (bps: number, intlLocale: string) =>
  new Intl.NumberFormat(intlLocale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000)

// ── merchant portal ──────────────────────────────────────────────────────

export type Period = { from: string; to: string }

export const merchantMoneyApi = {
  balance: (token: string) => merchantRequest<{ balances: Balance[] }>("/merchant/balance", { token }),
  payouts: (token: string) => merchantRequest<{ payouts: Payout[]; count: number }>("/merchant/payouts", { token, query: { limit: 50 } }),
  rules: (token: string) => merchantRequest<{ commission_rules: CommissionRule[]; platform_default_bps: number }>("/merchant/commission-rules", { token }),
  statement: (token: string, period: Period) =>
    merchantRequest<{ statement: CurrencyStatement[]; from: string; to: string }>("/merchant/statement", { token, query: { ...period } }),
  disputes: (token: string) => merchantRequest<{ disputes: Dispute[]; count: number }>("/merchant/disputes", { token, query: { limit: 100 } }),
  dispute: (token: string, id: string) => merchantRequest<{ dispute: Dispute }>(`/merchant/disputes/${encodeURIComponent(id)}`, { token }),
  reply: (token: string, id: string, body: string) =>
    merchantRequest<{ dispute: Dispute }>(`/merchant/disputes/${encodeURIComponent(id)}/messages`, { token, body: { body } }),
}

/**
 * Fetches the statement CSV with the merchant bearer (a plain link cannot carry it) and saves
 * it as a file. Returns the file name.
 */
export async function downloadStatementCsv(token: string, period: Period): Promise<string> {
  const url = new URL("/merchant/statement", BACKEND_URL.replace(/\/+$/, "") + "/")
  url.searchParams.set("format", "csv")
  url.searchParams.set("from", period.from)
  url.searchParams.set("to", period.to)
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, credentials: "omit" })
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string; code?: string; field?: string }
    throw new ApiError(body.message || res.statusText || `HTTP ${res.status}`, res.status, body.code ?? null, body.field ?? null)
  }
  const blob = await res.blob()
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `statement-${period.from}-${period.to}.csv`
  const href = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = href
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
  return name
}

// ── buyer ────────────────────────────────────────────────────────────────

export async function listOrderDisputes(orderId: string): Promise<Dispute[]> {
  const res = await requireSdk().client.fetch<{ disputes: Dispute[] }>("/store/disputes", { query: { order_id: orderId, limit: 100 } })
  return res.disputes
}

export async function getBuyerDispute(id: string): Promise<Dispute> {
  return (await requireSdk().client.fetch<{ dispute: Dispute }>(`/store/disputes/${encodeURIComponent(id)}`)).dispute
}

export async function openDispute(orderId: string, lineId: string, body: { reason: string; message: string }): Promise<Dispute> {
  const res = await requireSdk().client.fetch<{ dispute: Dispute }>(
    `/store/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/disputes`,
    { method: "POST", body }
  )
  return res.dispute
}

/**
 * One order line's disputes (with their messages) and the buyer's moves on them, through the order:
 * for a guest holding the order's signed link (`linkToken`), which reaches only that order's disputes.
 */
export function lineDisputeApi(orderId: string, lineId: string, linkToken: string) {
  const base = `/store/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/disputes`
  const q = `?token=${encodeURIComponent(linkToken)}`
  return {
    list: async () => (await requireSdk().client.fetch<{ disputes: Dispute[] }>(`${base}${q}`)).disputes,
    open: async (body: { reason: string; message: string }) => (await requireSdk().client.fetch<{ dispute: Dispute }>(`${base}${q}`, { method: "POST", body })).dispute,
    reply: async (disputeId: string, body: string) =>
      (await requireSdk().client.fetch<{ dispute: Dispute }>(`${base}/${encodeURIComponent(disputeId)}/messages${q}`, { method: "POST", body: { body } })).dispute,
  }
}

export async function replyToDispute(id: string, body: string): Promise<Dispute> {
  return (await requireSdk().client.fetch<{ dispute: Dispute }>(`/store/disputes/${encodeURIComponent(id)}/messages`, { method: "POST", body: { body } })).dispute
}
