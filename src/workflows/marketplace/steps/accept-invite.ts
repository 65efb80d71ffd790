import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { hashInviteToken } from "../../../modules/marketplace/invite-token"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

/** Single use, before expiry: marks the invite accepted and creates the member with the invite's role. */
export const acceptMerchantInviteStep = createStep(
  "accept-merchant-invite",
  async (input: { token: string; email: string; app_metadata?: Record<string, unknown> }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    if (input.app_metadata?.merchant_id) {
      throw new SnailError(403, "ALREADY_MERCHANT_USER", "This identity already belongs to a merchant")
    }
    const [invite] = await service.listMerchantInvites({ token_hash: hashInviteToken(input.token) }, { relations: ["merchant"] })
    if (!invite) throw new SnailError(404, "INVITE_NOT_FOUND", "Unknown invite token", "token")
    if (invite.accepted_at) throw new SnailError(409, "INVITE_ALREADY_USED", "This invite was already accepted", "token")
    if (new Date(invite.expires_at).getTime() <= Date.now()) {
      throw new SnailError(422, "INVITE_EXPIRED", "This invite has expired; ask the owner for a new one", "token")
    }
    if (invite.merchant.kyc_status === "SUSPENDED") {
      throw new SnailError(403, "MERCHANT_SUSPENDED", "The merchant is suspended")
    }
    // The conditional update makes a concurrent second acceptance of the same token lose.
    if (invite.email !== input.email.toLowerCase()) {
      throw new SnailError(403, "FORBIDDEN", "This invite was sent to another e-mail address", "token")
    }
    const claimed: any = await service.updateMerchantInvites({ selector: { id: invite.id, accepted_at: null }, data: { accepted_at: new Date() } } as any)
    if (!(Array.isArray(claimed) ? claimed.length : claimed)) throw new SnailError(409, "INVITE_ALREADY_USED", "This invite was already accepted", "token")
    const user = await service.createMerchantUsers({ email: input.email.toLowerCase(), role: invite.role ?? "MANAGER", merchant_id: invite.merchant.id } as any)
    return new StepResponse(user, { invite_id: invite.id, user_id: user.id })
  },
  async (done, { container }) => {
    if (!done) return
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    await service.deleteMerchantUsers(done.user_id)
    await service.updateMerchantInvites({ id: done.invite_id, accepted_at: null } as any)
  }
)
