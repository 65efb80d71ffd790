import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../../../lib/snail-error"
import { addDisputeMessageWorkflow } from "../../../../../../../../../workflows/marketplace-money/disputes"
import { getDispute } from "../../../../../../../../money/disputes"
import { buyerMovingOrder } from "../../../../../../../buyer-orders"

/** The buyer answers in a dispute of this line (a guest with the order's signed link too). */
export const POST = async (req: AuthenticatedMedusaRequest<{ body: string }>, res: MedusaResponse) => {
  const buyer = await buyerMovingOrder(req, req.params.id)
  const viewer = { type: "buyer" as const, customer_id: buyer.customer_id, order_id: req.params.id }
  const dispute = await getDispute(req.scope, viewer, req.params.dispute_id)
  if (dispute.order_line_id !== req.params.line_id) throw new SnailError(404, "NOT_FOUND", `Dispute ${req.params.dispute_id} not found`)
  await addDisputeMessageWorkflow(req.scope).run({ input: { dispute_id: dispute.id, author: { type: "buyer", id: buyer.customer_id }, body: req.validatedBody.body } })
  res.status(201).json({ dispute: await getDispute(req.scope, viewer, dispute.id) })
}
