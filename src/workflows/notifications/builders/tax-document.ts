import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { creditNoteById, invoiceById } from "../../../lib/vat-ae/documents-read"
import { creditNoteTextLines, invoiceTextLines } from "../../../lib/vat-ae/document"
import { orderLinkUrl } from "../../../lib/orders/order-link"
import { renderPdf } from "../../../modules/vat-ae/render/pdf"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { buyerOf, orderFacts } from "./shared"

/**
 * A UAE tax invoice or credit note, e-mailed to the buyer with the same PDF the store's download
 * route serves (both read the document through src/lib/vat-ae/documents-read.ts). Once per document.
 */
export const buildTaxDocumentStep = createStep("build-tax-document-notification", async (input: { id: string; document: "INVOICE" | "CREDIT_NOTE" }, { container }) => {
  const note = input.document === "CREDIT_NOTE"
  const batch: Batch = { event_name: note ? "vat_ae.credit_note.issued" : "vat_ae.tax_invoice.issued", event_id: `tax.${note ? "credit_note" : "invoice"}:${input.id}`, messages: [] }
  const doc: any = await (note ? creditNoteById(container, input.id) : invoiceById(container, input.id)).catch(() => null)
  const order = doc ? await orderFacts(container, doc.order_id) : null
  if (!doc || !order) return new StepResponse(batch)
  const pdf = await renderPdf(doc.number, note ? creditNoteTextLines(doc) : invoiceTextLines(doc))
  batch.messages.push({
    type: "TAX_DOCUMENT", template: "tax-invoice", recipients: [buyerOf(order)],
    data: { document: input.document, number: doc.number, invoice_number: note ? doc.invoice_number ?? null : null, display_id: order.display_id,
      supplier_name: doc.supplier?.display_name || doc.supplier?.name || "", total_minor: Number(doc.total_minor), vat_minor: Number(doc.vat_minor),
      currency_code: doc.currency_code, issued_at: new Date(doc.issued_at).toISOString(), order_url: orderLinkUrl(order.id), pdf: pdf.toString("base64") },
  })
  return new StepResponse(batch)
})

export const notifyTaxDocumentWorkflow = notificationWorkflow("notify-tax-document", buildTaxDocumentStep)
