import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveDisputeWorkflow } from "../../../../../workflows/marketplace-money/disputes"
import { getDispute } from "../../../../money/disputes"

/** `{ outcome: "refund", amount? }` (full refund by default; partial in major units) or `{ outcome: "reject" }`. */
export const POST = async (req: AuthenticatedMedusaRequest<{ outcome: "refund" | "reject"; amount?: number | string; note?: string }>, res: MedusaResponse) => {
  await resolveDisputeWorkflow(req.scope).run({ input: { dispute_id: req.params.id, ...req.validatedBody, admin_id: req.auth_context.actor_id } })
  res.json({ dispute: await getDispute(req.scope, { type: "admin" }, req.params.id) })
}
