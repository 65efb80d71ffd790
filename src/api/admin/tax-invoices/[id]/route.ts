import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceById, sendInvoice } from "../../../vat-ae/documents"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendInvoice(res, await invoiceById(req.scope, req.params.id), req.query.format)
}
