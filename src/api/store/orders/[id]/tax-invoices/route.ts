import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicesOfOrder } from "../../../../vat-ae/documents"
import { assertBuyersOrder } from "../../../buyer-orders"

// The signed-in buyer's tax invoices for one of their own orders (404 for anyone else's).
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertBuyersOrder(req.scope, req.params.id, req.auth_context.actor_id)
  res.json({ tax_invoices: await invoicesOfOrder(req.scope, req.params.id) })
}
