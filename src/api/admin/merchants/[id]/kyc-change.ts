import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { changeMerchantKycWorkflow } from "../../../../workflows/marketplace/change-merchant-kyc"
import { recordAudit } from "../../../audit/record"

/** Approve / reject / suspend, written to the audit trail with the KYC state before → after. */
export function kycChangeRoute(action: "approve" | "reject" | "suspend") {
  return async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
    const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
    const before = await service.retrieveMerchant(req.params.id).catch(() => null)
    const { result } = await changeMerchantKycWorkflow(req.scope).run({
      input: { merchant_id: req.params.id, action, reason: req.validatedBody?.reason, actor_id: req.auth_context.actor_id },
    })
    await recordAudit(req, {
      action: `merchant.${action}`,
      target_type: "merchant",
      target_id: req.params.id,
      before: before && { kyc_status: before.kyc_status, kyc_reason: before.kyc_reason ?? null },
      after: { kyc_status: (result as any).kyc_status, kyc_reason: (result as any).kyc_reason ?? null },
    })
    res.json({ merchant: result })
  }
}
