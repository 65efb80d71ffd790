import type { MedusaResponse } from "@medusajs/framework/http"
import { addDisputeMessageWorkflow } from "../../../../../workflows/marketplace-money/disputes"
import { getDispute } from "../../../../money/disputes"
import type { MerchantRequest } from "../../../context"

/** The merchant's reply on a dispute about one of its lines. */
export const POST = async (req: MerchantRequest<{ body: string }>, res: MedusaResponse) => {
  const viewer = { type: "merchant" as const, merchant_id: req.merchantContext.merchant.id }
  await getDispute(req.scope, viewer, req.params.id)
  await addDisputeMessageWorkflow(req.scope).run({ input: { dispute_id: req.params.id, author: { type: "merchant", id: req.merchantContext.merchant_user.id }, body: req.validatedBody.body } })
  res.status(201).json({ dispute: await getDispute(req.scope, viewer, req.params.id) })
}
