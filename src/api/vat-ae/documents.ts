import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../lib/snail-error"
import { creditNoteTextLines, invoiceTextLines } from "../../lib/vat-ae/document"
import { creditNoteUbl, invoiceUbl } from "../../lib/vat-ae/ubl"
import { VAT_AE_MODULE } from "../../modules/vat-ae"
import { renderPdf } from "../../modules/vat-ae/render/pdf"
import type VatAeModuleService from "../../modules/vat-ae/service"

const vat = (scope: MedusaContainer) => scope.resolve<VatAeModuleService>(VAT_AE_MODULE)

const num = (v: unknown) => (v == null ? v : Number(v))
const MINOR_FIELDS = ["discount_minor", "taxable_minor", "vat_minor", "total_minor", "standard_minor", "zero_rated_minor", "exempt_minor", "out_of_scope_minor", "vat_aed_minor", "total_aed_minor", "unit_price_minor"]

/** Plain JSON: minor amounts as integers, no raw BigNumber columns. */
export function present(doc: any): any {
  const out: any = {}
  for (const [k, v] of Object.entries(doc ?? {})) {
    if (k.startsWith("raw_")) continue
    out[k] = MINOR_FIELDS.includes(k) ? num(v) : Array.isArray(v) ? v.map(present) : v
  }
  return out
}

/**
 * A credit note as shown: with the supplier (name, TRN, address) and recipient of the invoice it
 * corrects — snapshots that never change — and that invoice's date and order (Art. 60 Executive
 * Regulation: a tax credit note names the supplier and its TRN).
 */
function withInvoiceParties(cn: any, invoice: any) {
  return {
    ...present(cn),
    supplier: invoice?.supplier ?? null, recipient: invoice?.recipient ?? null,
    invoice_issued_at: invoice?.issued_at ?? null, order_display_id: invoice?.order_display_id ?? null,
  }
}

export async function invoicesOfOrder(scope: MedusaContainer, orderId: string, supplierId?: string) {
  const rows = await vat(scope).listTaxInvoices({ order_id: orderId, ...(supplierId ? { supplier_id: supplierId } : {}) }, { relations: ["lines"], order: { number: "ASC" } })
  const notes = rows.length ? await vat(scope).listCreditNotes({ invoice_id: rows.map((r: any) => r.id) }, { relations: ["lines"] }) : []
  return rows.map((r: any) => ({ ...present(r), credit_notes: notes.filter((n: any) => n.invoice_id === r.id).map((n: any) => withInvoiceParties(n, r)) }))
}

export async function invoiceById(scope: MedusaContainer, id: string) {
  const [row] = await vat(scope).listTaxInvoices({ id }, { relations: ["lines"] })
  if (!row) throw new SnailError(404, "NOT_FOUND", `Tax invoice ${id} not found`)
  return present(row)
}

export async function creditNoteById(scope: MedusaContainer, id: string) {
  const [row] = await vat(scope).listCreditNotes({ id }, { relations: ["lines"] })
  if (!row) throw new SnailError(404, "NOT_FOUND", `Credit note ${id} not found`)
  const [invoice] = await vat(scope).listTaxInvoices({ id: (row as any).invoice_id })
  return withInvoiceParties(row, invoice)
}

/** ?format=json (default) | pdf | txt | xml (UBL 2.1, PINT AE: invoices 380, credit notes 381). */
export async function sendInvoice(res: MedusaResponse, inv: any, format: unknown) {
  const f = String(format ?? "json")
  if (f === "json") return res.json({ tax_invoice: inv })
  const lines = invoiceTextLines(inv)
  if (f === "txt") return sendBody(res, "text/plain; charset=utf-8", `${inv.number}.txt`, lines.join("\n"))
  if (f === "pdf") return sendBody(res, "application/pdf", `${inv.number}.pdf`, await renderPdf(inv.number, lines))
  if (f === "xml") return sendBody(res, "application/xml", `${inv.number}.xml`, invoiceUbl(inv))
  throw new SnailError(400, "INVALID_FIELD", "format must be json, pdf, txt or xml", "format")
}

export async function sendCreditNote(res: MedusaResponse, cn: any, format: unknown) {
  const f = String(format ?? "json")
  if (f === "json") return res.json({ credit_note: cn })
  const lines = creditNoteTextLines(cn)
  if (f === "txt") return sendBody(res, "text/plain; charset=utf-8", `${cn.number}.txt`, lines.join("\n"))
  if (f === "pdf") return sendBody(res, "application/pdf", `${cn.number}.pdf`, await renderPdf(cn.number, lines))
  if (f === "xml") return sendBody(res, "application/xml", `${cn.number}.xml`, creditNoteUbl(cn))
  throw new SnailError(400, "INVALID_FIELD", "format must be json, pdf, txt or xml", "format")
}

function sendBody(res: MedusaResponse, type: string, filename: string, body: string | Buffer) {
  res.setHeader("content-type", type)
  res.setHeader("content-disposition", `attachment; filename="${filename}"`)
  res.status(200).send(body)
}
