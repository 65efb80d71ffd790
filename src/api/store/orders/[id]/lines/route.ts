import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderPaymentSummary } from "../../../../../lib/line-process/payment-status"
import { presentOrderLines } from "../../../../order-lines/present"
import { assertBuyersOrder } from "../../../buyer-orders"

/** The buyer's own order: every line's state, history and tracking. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertBuyersOrder(req.scope, req.params.id, req.auth_context.actor_id)
  const lines = await presentOrderLines(req.scope, req.params.id, "buyer", undefined, req.locale)
  res.json({ lines, summary: orderPaymentSummary(lines) })
}
