import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeMerchantKycWorkflow } from "../../../../../workflows/marketplace/change-merchant-kyc"

export const POST = async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
  const { result } = await changeMerchantKycWorkflow(req.scope).run({
    input: { merchant_id: req.params.id, action: "approve", reason: req.validatedBody?.reason, actor_id: req.auth_context.actor_id },
  })
  res.json({ merchant: result })
}
