import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { inviteMerchantStaffWorkflow } from "../../../workflows/marketplace/merchant-invites"
import { MerchantRequest, requireOwner } from "../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const invites = await service.listMerchantInvites(
    { merchant_id: req.merchantContext.merchant.id } as any,
    { select: ["id", "email", "role", "expires_at", "accepted_at", "created_at"], order: { created_at: "DESC" } }
  )
  res.json({ invites })
}

/** The owner invites staff by e-mail, with their role (MANAGER by default); the token is shown once (and e-mailed via the event). */
export const POST = async (req: MerchantRequest<{ email: string }>, res: MedusaResponse) => {
  requireOwner(req) // also in the role table (src/lib/merchant-roles.ts); kept as a second lock
  const { result } = await inviteMerchantStaffWorkflow(req.scope).run({
    input: {
      merchant_id: req.merchantContext.merchant.id,
      email: (req as any).validatedBody.email,
      role: (req as any).validatedBody.role,
      invited_by: req.merchantContext.merchant_user.id,
    },
  })
  res.status(201).json(result)
}
