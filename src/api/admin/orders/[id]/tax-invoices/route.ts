import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueTaxInvoicesWorkflow } from "../../../../../workflows/vat-ae/issue-invoices"
import { invoicesOfOrder } from "../../../../vat-ae/documents"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ tax_invoices: await invoicesOfOrder(req.scope, req.params.id) })
}

// Issues what the order.placed subscriber could not (e.g. a currency without a rate at the time);
// idempotent: existing invoices are kept, numbers never reused.
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await issueTaxInvoicesWorkflow(req.scope).run({ input: { order_id: req.params.id } })
  res.json({ tax_invoices: await invoicesOfOrder(req.scope, req.params.id) })
}
