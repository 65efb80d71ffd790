import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { issueEmailVerification } from "../../api/email-verification/handlers"
import { SNAIL_EVENTS } from "../../lib/events"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import { INVITE_TTL_MS, newInviteToken } from "../../modules/marketplace/invite-token"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import type { Reissue } from "../../modules/notification-center/types"

/**
 * Resend of a message that carried a one-time secret: the old secret is not kept (the log has it as
 * [redacted]), so a fresh one is issued the way the person's own request would — its event queues a
 * new delivery with the new link, and the old link keeps whatever validity its owner gave it
 * (Medusa's reset token: its 15-minute JWT; an invite's and a verification's previous token: none).
 */
export async function reissueSecret(container: MedusaContainer, reissue: Reissue): Promise<void> {
  if (reissue.kind === "password_reset") {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    await generateResetPasswordTokenWorkflow(container).run({
      input: { entityId: reissue.email, actorType: reissue.actor_type, provider: "emailpass", secret: http.jwtSecret as string, jwtOptions: (http as any).jwtOptions },
    })
    return
  }
  if (reissue.kind === "staff_invite") {
    const service = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const [invite] = await service.listMerchantInvites({ id: reissue.invite_id } as any)
    if (!invite || invite.accepted_at) throw new SnailError(409, "DELIVERY_LINK_NOT_REISSUABLE", "This invitation was accepted or withdrawn; there is nothing to resend.")
    const { token, token_hash } = newInviteToken()
    await service.updateMerchantInvites({ id: invite.id, token_hash, expires_at: new Date(Date.now() + INVITE_TTL_MS) } as any)
    await container.resolve(Modules.EVENT_BUS).emit({
      name: SNAIL_EVENTS.MERCHANT_INVITE_CREATED,
      data: { id: invite.id, merchant_id: invite.merchant_id, email: invite.email, token },
    })
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const [identity] = await auth.listProviderIdentities({ entity_id: reissue.email, provider: "emailpass" } as any)
  if (!identity) throw new SnailError(409, "DELIVERY_LINK_NOT_REISSUABLE", "The account this verification was for no longer exists.")
  await issueEmailVerification(container, identity.auth_identity_id!, reissue.actor_type, reissue.email)
}
