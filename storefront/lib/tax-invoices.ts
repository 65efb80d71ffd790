import { BACKEND_URL, publishableKey, requireSdk } from "./sdk"

// UAE tax invoices of the buyer's own order (docs/vat-ae.md).

export type BuyerTaxInvoice = {
  id: string
  number: string
  kind: "SIMPLIFIED" | "FULL"
  supplier: { name: string; trn: string }
  currency_code: string
  vat_minor: number
  total_minor: number
  issued_at: string
  credit_notes: { id: string; number: string; total_minor: number }[]
}

export async function listTaxInvoices(orderId: string): Promise<BuyerTaxInvoice[]> {
  const res = await requireSdk().client.fetch<{ tax_invoices: BuyerTaxInvoice[] }>(
    `/store/orders/${encodeURIComponent(orderId)}/tax-invoices`
  )
  return res.tax_invoices
}

/** The PDF needs the buyer's bearer token, so it is fetched and handed to the browser as a blob. */
export async function downloadTaxInvoicePdf(orderId: string, invoice: BuyerTaxInvoice): Promise<void> {
  const token = localStorage.getItem("medusa_auth_token")
  const res = await fetch(
    `${BACKEND_URL}/store/orders/${encodeURIComponent(orderId)}/tax-invoices/${encodeURIComponent(invoice.id)}?format=pdf`,
    { headers: { "x-publishable-api-key": publishableKey(), ...(token ? { authorization: `Bearer ${token}` } : {}) } }
  )
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement("a")
  a.href = url
  a.download = `${invoice.number}.pdf`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
