// Marketplace money (issue 5): types and API helpers for the split widget, Payouts, Disputes and
// Commission rules pages. Amounts from these APIs are integer MINOR units with a currency_code.

/** Error carrying the API's `{type, code, message}` body (the js-sdk drops `code`, hence plain fetch). */
export class MoneyApiError extends Error {
  constructor(message: string, public status: number, public code?: string, public field?: string) {
    super(code ? `${message} (${code})` : message)
  }
}

/** Same origin, session cookie; JSON in and out; non-2xx throws MoneyApiError with the error code. */
export async function moneyFetch<T>(path: string, opts: { method?: "GET" | "POST" | "DELETE"; body?: unknown; query?: Record<string, string | undefined> } = {}): Promise<T> {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== "") qs.set(k, v)
  const q = qs.toString()
  const res = await fetch(`${path}${q ? `?${q}` : ""}`, {
    method: opts.method ?? (opts.body !== undefined ? "POST" : "GET"),
    credentials: "include",
    headers: { accept: "application/json", ...(opts.body !== undefined || opts.method === "POST" ? { "content-type": "application/json" } : {}) },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : opts.method === "POST" ? "{}" : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new MoneyApiError(data.message || res.statusText || `HTTP ${res.status}`, res.status, data.code, data.field)
  return data as T
}

/** Downloads a file answer (CSV) with the session cookie and saves it under the server's file name. */
export async function downloadFile(path: string, fallbackName: string) {
  const res = await fetch(path, { credentials: "include" })
  if (!res.ok) {
    const data = await res.json().catch(() => ({}))
    throw new MoneyApiError(data.message || `HTTP ${res.status}`, res.status, data.code, data.field)
  }
  const blob = await res.blob()
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

// ── formatting ────────────────────────────────────────────────────────────

/** The currency's minor-unit exponent as Intl knows it (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Integer minor units → exact decimal string in major units ("1234" EUR → "12.34"); no float math. */
export function minorToMajorString(minor: number | string | null | undefined, currency: string): string {
  const n = String(minor ?? 0)
  const negative = n.startsWith("-")
  const exp = currencyExponent(currency)
  const digits = (negative ? n.slice(1) : n).padStart(exp + 1, "0")
  const whole = digits.slice(0, digits.length - exp)
  return (negative ? "-" : "") + whole + (exp ? "." + digits.slice(digits.length - exp) : "")
}

/** Formats integer minor units in the currency (Intl accepts the exact decimal string). */
export function formatMinor(minor: number | string | null | undefined, currency: string, locale?: string): string {
  const major = minorToMajorString(minor, currency)
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(major as unknown as number)
  } catch {
    return `${major} ${currency.toUpperCase()}`
  }
}

export const formatBps = (bps: number) => `${(bps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`

export const formatDate = (d: string | null | undefined) => (d ? new Date(d).toLocaleString() : "—")

// ── types ────────────────────────────────────────────────────────────────

export type SplitLine = {
  id: string
  order_line_id: string
  line_item_id: string
  merchant_id: string | null
  kind: string
  currency_code: string
  subtotal: number
  discount: number
  tax: number
  gross: number
  /** Of `discount`, what the platform funds (issue 17 §3). */
  platform_discount: number
  commission: number
  /** VAT charged to the merchant on the commission (UAE merchants). */
  commission_vat: number
  net: number
  rule_id: string
  rate_bps: number
  fixed_fee_minor: number
  release_after: string | null
  released_at: string | null
}

export type OrderSplit = {
  id: string
  order_id: string
  merchant_id: string | null
  currency_code: string
  gross: number
  discount: number
  platform_discount: number
  tax: number
  commission: number
  commission_vat: number
  net: number
  lines: SplitLine[]
}

export type LedgerBalance = { merchant_id: string | null; account: string; currency_code: string; amount: number }

export type Payout = {
  id: string
  merchant_id: string
  currency_code: string
  amount: number
  status: "PENDING" | "PAID" | "FAILED"
  provider: string
  provider_reference: string | null
  failure_reason: string | null
  settled_at: string | null
  created_at: string
  batch_id?: string
}

export type PayoutBatch = { id: string; run_key: string; trigger: string; triggered_by: string | null; created_at: string; payouts: Payout[] }

export type DisputeMessage = { id: string; author_type: "buyer" | "merchant" | "admin"; author_id: string; body: string; created_at: string }
export type Dispute = {
  id: string
  order_id: string
  order_line_id: string
  merchant_id: string | null
  customer_id: string
  reason: string
  status: "OPEN" | "RESOLVED_REFUND" | "REJECTED"
  currency_code: string
  refund_amount: number | null
  resolution_note: string | null
  resolved_at: string | null
  created_at: string
  messages?: DisputeMessage[]
}

export type Mismatch = {
  id: string
  run_date: string
  payment_id: string | null
  provider_reference: string | null
  kind: string
  currency_code: string
  ours: number
  theirs: number
  detail: string
  status: "OPEN" | "ACKNOWLEDGED"
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
  refund_reverses_commission: boolean
  note: string | null
  created_at: string
}

export type Balance = { currency_code: string; escrow: number; available: number; in_transit: number; paid_out: number }

export const STATUS_COLOR: Record<string, "green" | "red" | "orange" | "grey" | "blue"> = {
  PENDING: "orange", PAID: "green", FAILED: "red", OPEN: "orange", RESOLVED_REFUND: "blue", REJECTED: "grey", ACKNOWLEDGED: "grey",
}

// ── API ──────────────────────────────────────────────────────────────────

const enc = encodeURIComponent

export const moneyApi = {
  splits: (orderId: string) => moneyFetch<{ splits: OrderSplit[]; ledger: LedgerBalance[] }>(`/admin/orders/${enc(orderId)}/splits`),
  batches: () => moneyFetch<{ payout_batches: PayoutBatch[]; count: number }>("/admin/payout-batches", { query: { limit: "50" } }),
  runBatch: () => moneyFetch<{ payout_batch: PayoutBatch; created: boolean }>("/admin/payout-batches", { method: "POST", body: {} }),
  markPaid: (id: string) => moneyFetch<{ payout: Payout }>(`/admin/payouts/${enc(id)}/mark-paid`, { method: "POST" }),
  markFailed: (id: string, reason: string) => moneyFetch<{ payout: Payout }>(`/admin/payouts/${enc(id)}/mark-failed`, { body: { reason } }),
  retry: (id: string) => moneyFetch<{ payout_batch: PayoutBatch; created: boolean }>(`/admin/payouts/${enc(id)}/retry`, { method: "POST" }),
  resend: (id: string) => moneyFetch<{ payout: Payout }>(`/admin/payouts/${enc(id)}/resend`, { method: "POST" }),
  releaseEscrow: () => moneyFetch<Record<string, unknown>>("/admin/escrow/release", { method: "POST" }),
  mismatches: () => moneyFetch<{ mismatches: Mismatch[]; count: number }>("/admin/reconciliation"),
  runReconciliation: () => moneyFetch<{ mismatches: Mismatch[] }>("/admin/reconciliation/run", { method: "POST", body: {} }),
  acknowledge: (id: string) => moneyFetch<{ mismatch: Mismatch }>(`/admin/reconciliation/${enc(id)}/acknowledge`, { method: "POST" }),
  disputes: (status?: string) => moneyFetch<{ disputes: Dispute[]; count: number }>("/admin/disputes", { query: { status, limit: "100" } }),
  dispute: (id: string) => moneyFetch<{ dispute: Dispute }>(`/admin/disputes/${enc(id)}`),
  replyDispute: (id: string, body: string) => moneyFetch<{ dispute: Dispute }>(`/admin/disputes/${enc(id)}/messages`, { body: { body } }),
  resolveDispute: (id: string, body: { outcome: "refund" | "reject"; amount?: string; note?: string }) =>
    moneyFetch<{ dispute: Dispute }>(`/admin/disputes/${enc(id)}/resolve`, { body }),
  rules: (merchantId?: string) =>
    moneyFetch<{ commission_rules: CommissionRule[]; platform_default_bps: number }>("/admin/commission-rules", { query: { merchant_id: merchantId } }),
  createRule: (body: Record<string, unknown>) => moneyFetch<{ commission_rule: CommissionRule }>("/admin/commission-rules", { body }),
  deleteRule: (id: string) => moneyFetch<{ id: string; deleted: boolean }>(`/admin/commission-rules/${enc(id)}`, { method: "DELETE" }),
  balance: (merchantId: string) => moneyFetch<{ merchant_id: string; balances: Balance[] }>(`/admin/merchants/${enc(merchantId)}/balance`),
}

export const moneyKeys = {
  splits: (orderId: string) => ["snail-money", "splits", orderId] as const,
  batches: ["snail-money", "batches"] as const,
  mismatches: ["snail-money", "mismatches"] as const,
  disputes: (status: string) => ["snail-money", "disputes", status] as const,
  dispute: (id: string) => ["snail-money", "dispute", id] as const,
  rules: ["snail-money", "rules"] as const,
  balance: (merchantId: string) => ["snail-money", "balance", merchantId] as const,
}
