import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"
import { creditNoteTextLines, invoiceTextLines } from "../../lib/vat-ae/document"
import { creditNoteUbl, invoiceUbl } from "../../lib/vat-ae/ubl"
import { renderPdf } from "../../modules/vat-ae/render/pdf"

export { creditNoteById, invoiceById, invoicesOfOrder, present } from "../../lib/vat-ae/documents-read"

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
