import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openDisputeWorkflow } from "../../../../../../../workflows/marketplace-money/disputes"
import { getDispute } from "../../../../../../money/disputes"
import { assertBuyersOrder } from "../../../../../buyer-orders"

/** A buyer opens a dispute on a paid line of their own order (someone else's order: 404). */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason: string; message: string }>, res: MedusaResponse) => {
  await assertBuyersOrder(req.scope, req.params.id, req.auth_context.actor_id)
  const { result } = await openDisputeWorkflow(req.scope).run({
    input: { order_id: req.params.id, order_line_id: req.params.line_id, customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  res.status(201).json({ dispute: await getDispute(req.scope, { type: "buyer", customer_id: req.auth_context.actor_id }, result.id) })
}
