import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { merchantRecipients } from "./shared"

type Input = { id: string; outcome: "APPROVED" | "REJECTED" | "SUSPENDED"; reason?: string | null; event_name: string; actor_id?: string | null }

/** The platform's decision on a merchant, to its owners. A merchant can be approved again after a suspension: the decision's time names the event. */
export const buildMerchantStatusStep = createStep("build-merchant-status-notification", async (input: Input, { container }) => {
  const merchant = await merchantRecipients(container, input.id)
  const batch: Batch = { event_name: input.event_name, event_id: `merchant.${input.outcome.toLowerCase()}:${input.id}:${merchant?.kyc_changed_at ?? ""}`, messages: [] }
  if (!merchant) return new StepResponse(batch)
  batch.messages.push({
    type: "MERCHANT_STATUS_CHANGED", template: "merchant-status", recipients: merchant.recipients,
    data: { merchant_name: merchant.name, outcome: input.outcome, reason: input.reason ?? null, portal_url: `${storefrontUrl()}/merchant` },
  })
  return new StepResponse(batch)
})

export const notifyMerchantStatusWorkflow = notificationWorkflow("notify-merchant-status", buildMerchantStatusStep)
