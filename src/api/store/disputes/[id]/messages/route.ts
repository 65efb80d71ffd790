import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addDisputeMessageWorkflow } from "../../../../../workflows/marketplace-money/disputes"
import { getDispute } from "../../../../money/disputes"

export const POST = async (req: AuthenticatedMedusaRequest<{ body: string }>, res: MedusaResponse) => {
  const viewer = { type: "buyer" as const, customer_id: req.auth_context.actor_id }
  await getDispute(req.scope, viewer, req.params.id)
  await addDisputeMessageWorkflow(req.scope).run({ input: { dispute_id: req.params.id, author: { type: "buyer", id: req.auth_context.actor_id }, body: req.validatedBody.body } })
  res.status(201).json({ dispute: await getDispute(req.scope, viewer, req.params.id) })
}
