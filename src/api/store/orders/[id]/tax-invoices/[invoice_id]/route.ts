import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../lib/snail-error"
import { invoiceById, sendInvoice } from "../../../../../vat-ae/documents"
import { assertBuyersOrder } from "../../../../buyer-orders"

// ?format=pdf|json|txt|xml — only an invoice of the buyer's own order.
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertBuyersOrder(req.scope, req.params.id, req.auth_context.actor_id)
  const inv = await invoiceById(req.scope, req.params.invoice_id)
  if (inv.order_id !== req.params.id) throw new SnailError(404, "NOT_FOUND", `Tax invoice ${req.params.invoice_id} not found`)
  await sendInvoice(res, inv, req.query.format)
}
