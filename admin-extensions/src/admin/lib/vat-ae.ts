import { sdk } from "./sdk"

// UAE VAT documents (docs/vat-ae.md): invoices of an order, downloads, the VAT report.

export type CreditNote = { id: string; number: string; total_minor: number; vat_minor: number; currency_code: string; issued_at: string; reason: string | null }
export type TaxInvoice = {
  id: string; number: string; kind: "SIMPLIFIED" | "FULL"; supplier_id: string; supplier: { name: string; trn: string }
  currency_code: string; taxable_minor: number; vat_minor: number; total_minor: number; vat_aed_minor: number; total_aed_minor: number
  exchange_rate: string | null; issued_at: string; credit_notes: CreditNote[]
}

export const orderInvoicesKey = (orderId: string) => ["snail-vat-invoices", orderId]

export const listOrderInvoices = (orderId: string) =>
  sdk.client.fetch<{ tax_invoices: TaxInvoice[] }>(`/admin/orders/${encodeURIComponent(orderId)}/tax-invoices`)

export const invoiceUrl = (id: string, format: "pdf" | "xml" | "json" | "txt") => `/admin/tax-invoices/${encodeURIComponent(id)}?format=${format}`
export const creditNoteUrl = (id: string, format: "pdf" | "json" | "txt") => `/admin/credit-notes/${encodeURIComponent(id)}?format=${format}`
export const reportUrl = (from: string, to: string, merchantId: string, format: "csv" | "json") =>
  `/admin/vat/report?from=${from}&to=${to}${merchantId ? `&merchant_id=${encodeURIComponent(merchantId)}` : ""}&format=${format}`

export type ReportRow = { merchant_id: string; merchant: string | null; trn: string | null; currency: string; documents: number; standard: number; output_vat: number; zero_rated: number; exempt: number; out_of_scope: number; output_vat_aed: number }

export const fetchReport = (from: string, to: string, merchantId: string) =>
  sdk.client.fetch<{ rows: ReportRow[] }>(reportUrl(from, to, merchantId, "json"))

/** Minor units as a decimal string (2-decimal currencies: AED, USD, EUR, RUB). */
export const major = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`

export type TreatmentRule = { id: string; match_type: string; match_value: string; treatment: string; priority: number; note: string | null }

export const listRules = () => sdk.client.fetch<{ treatment_rules: TreatmentRule[] }>("/admin/vat/treatment-rules")

/** Plain fetch so the server's validation message (400/409) reaches the toast. */
async function send(method: string, path: string, body?: unknown) {
  const res = await fetch(path, { method, credentials: "include", headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(data.code ? `${data.message} (${data.code})` : data.message ?? `HTTP ${res.status}`)
  return data
}

export const createRule = (rule: { match_type: string; match_value: string; treatment: string; note?: string }) => send("POST", "/admin/vat/treatment-rules", rule)
export const deleteRule = (id: string) => send("DELETE", `/admin/vat/treatment-rules/${encodeURIComponent(id)}`)
