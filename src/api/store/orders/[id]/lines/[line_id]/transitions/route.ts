import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { transitionOrderLineWorkflow } from "../../../../../../../workflows/order-lines/transition-order-line"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import type { LineTransitionBodyType } from "../../../../../../order-lines/validators"
import { buyerMovingOrder } from "../../../../../buyer-orders"

/**
 * Buyer moves (cancel, return request…) — the process decides which are allowed for a buyer. The
 * signed-in buyer or a guest with the order's signed link (`?token=`): the same actor, guards and effects.
 */
export const POST = async (req: AuthenticatedMedusaRequest<LineTransitionBodyType>, res: MedusaResponse) => {
  const buyer = await buyerMovingOrder(req, req.params.id)
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  const { to, reason } = req.validatedBody
  await transitionOrderLineWorkflow(req.scope).run({
    input: { to, reason: reason ?? (buyer.via === "link" ? "by the buyer (order link)" : undefined), line_id: line.id, actor_type: "buyer", actor_id: buyer.customer_id },
  })
  const lines = await presentOrderLines(req.scope, req.params.id, "buyer", undefined, req.locale)
  res.json({ line: lines.find((l) => l.id === line.id) })
}
