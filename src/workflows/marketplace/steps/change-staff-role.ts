import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import type { StaffRole } from "../../../lib/merchant-roles"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

/** A member of this merchant (404 for anyone else's) gets another staff role; the owner stays owner. */
export const changeStaffRoleStep = createStep(
  "change-merchant-staff-role",
  async (input: { merchant_id: string; user_id: string; role: StaffRole }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const [user] = await service.listMerchantUsers({ id: input.user_id, merchant_id: input.merchant_id } as any)
    if (!user) throw new SnailError(404, "NOT_FOUND", `Staff member ${input.user_id} not found`)
    if (user.role === "OWNER") throw new SnailError(422, "MERCHANT_OWNER_ONLY", "The owner's role cannot change", "role")
    const updated = await service.updateMerchantUsers({ id: user.id, role: input.role } as any)
    return new StepResponse(updated, { id: user.id, role: user.role })
  },
  async (before, { container }) => {
    if (before) await (container.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).updateMerchantUsers(before as any)
  }
)
