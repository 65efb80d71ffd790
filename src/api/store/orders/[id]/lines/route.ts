import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderPaymentSummary } from "../../../../../lib/line-process/payment-status"
import { presentOrderLines } from "../../../../order-lines/present"
import { buyerOnOrder } from "../../../buyer-orders"

/**
 * The buyer's own order: every line's state, history, tracking, booked time and the buyer's moves.
 * A guest holding the order's signed link (`?token=`, the confirmation page's and e-mail's) gets the
 * same, moves included (issue 21 §4); a link to an order that sits in an account reads it without
 * moves (those need that account signed in). Refusals: buyerOnOrder.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const buyer = await buyerOnOrder(req, req.params.id)
  const presented = await presentOrderLines(req.scope, req.params.id, "buyer", undefined, req.locale)
  const lines = buyer.may_move ? presented : presented.map((l: any) => ({ ...l, allowed_transitions: [] }))
  res.json({ lines, summary: orderPaymentSummary(lines), access: { via: buyer.via, may_move: buyer.may_move } })
}
