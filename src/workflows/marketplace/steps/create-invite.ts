import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { INVITE_TTL_MS, newInviteToken } from "../../../modules/marketplace/invite-token"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { StaffRole } from "../../../lib/merchant-roles"

export const createMerchantInviteStep = createStep(
  "create-merchant-invite",
  async (input: { merchant_id: string; email: string; invited_by: string; role?: StaffRole; ttl_ms?: number }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const { token, token_hash } = newInviteToken()
    const invite = await service.createMerchantInvites({
      merchant_id: input.merchant_id,
      email: input.email.toLowerCase(),
      invited_by: input.invited_by,
      role: input.role ?? "MANAGER",
      token_hash,
      expires_at: new Date(Date.now() + (input.ttl_ms ?? INVITE_TTL_MS)),
    } as any)
    return new StepResponse({ invite: { id: invite.id, email: invite.email, role: invite.role, expires_at: invite.expires_at }, token }, invite.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).deleteMerchantInvites(id)
  }
)
