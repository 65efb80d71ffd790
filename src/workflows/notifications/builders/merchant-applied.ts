import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { adminUrl } from "../../../lib/notifications/locale"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { adminRecipients } from "./shared"

/** Platform staff (admin users; ADMIN_NOTIFY_EMAILS narrows it to a list) learn of a new application. */
export const buildMerchantAppliedStep = createStep("build-merchant-applied-notification", async (input: { id: string }, { container }) => {
  const batch: Batch = { event_name: "marketplace.merchant.applied", event_id: `merchant.applied:${input.id}`, messages: [] }
  const [merchant] = await (container.resolve(MARKETPLACE_MODULE) as any).listMerchants({ id: input.id })
  if (!merchant) return new StepResponse(batch)
  const recipients = await adminRecipients(container)
  batch.messages.push({
    type: "ADMIN_MERCHANT_APPLIED", template: "admin-merchant-applied", recipients,
    data: { merchant_name: merchant.display_name, country_code: merchant.country_code, admin_url: `${adminUrl()}/merchants` },
  })
  return new StepResponse(batch)
})

export const notifyMerchantAppliedWorkflow = notificationWorkflow("notify-merchant-applied", buildMerchantAppliedStep)
