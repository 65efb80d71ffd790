import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicesOfOrder } from "../../../../vat-ae/documents"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ tax_invoices: await invoicesOfOrder(req.scope, req.params.id) })
}
