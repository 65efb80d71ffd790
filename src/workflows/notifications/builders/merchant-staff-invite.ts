import { createHash } from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readerLocale, storefrontUrl } from "../../../lib/notifications/locale"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"

type Input = { id: string; merchant_id: string; email: string; token: string }

/** The invite link (the token only travels in the event and the email). */
export const buildStaffInviteStep = createStep("build-staff-invite-notification", async (input: Input, { container }) => {
  const batch: Batch = { event_name: "marketplace.merchant_invite.created", event_id: `invite:${input.id}:${createHash("sha256").update(String(input.token)).digest("hex").slice(0, 16)}`, messages: [] }
  const [merchant] = await (container.resolve(MARKETPLACE_MODULE) as any).listMerchants({ id: input.merchant_id })
  if (!merchant || !input.email || !input.token) return new StepResponse(batch)
  batch.messages.push({
    type: "MERCHANT_STAFF_INVITE", template: "merchant-staff-invite",
    recipients: [{ email: input.email, person: null, locale: readerLocale({ metadata: [{ locale: merchant.default_locale }], countryCodes: [merchant.country_code] }) }],
    data: { merchant_name: merchant.display_name, accept_url: `${storefrontUrl()}/merchant/invite?token=${encodeURIComponent(input.token)}` },
    // The log keeps the link as [redacted]; a Resend gives the invite a new token.
    secrets: [String(input.token)], reissue: { kind: "staff_invite", invite_id: input.id },
  })
  return new StepResponse(batch)
})

export const notifyStaffInviteWorkflow = notificationWorkflow("notify-staff-invite", buildStaffInviteStep)
