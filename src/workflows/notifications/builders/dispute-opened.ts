import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { merchantRecipients } from "./shared"

type Input = { id: string; order_line_id: string; merchant_id: string | null; reason: string }

export const buildDisputeOpenedStep = createStep("build-dispute-opened-notification", async (input: Input, { container }) => {
  const batch: Batch = { event_name: "marketplace.dispute.opened", event_id: `dispute.opened:${input.id}`, messages: [] }
  const f = await lineFacts(container, input.order_line_id)
  const merchantId = input.merchant_id ?? f?.line.merchant_id
  const merchant = merchantId ? await merchantRecipients(container, merchantId) : null
  if (!f || !merchant) return new StepResponse(batch)
  batch.messages.push({
    type: "MERCHANT_DISPUTE_OPENED", template: "merchant-dispute-opened", recipients: merchant.recipients,
    data: { display_id: f.order.display_id, title: f.title, reason: input.reason, portal_url: `${storefrontUrl()}/merchant?dispute=${input.id}` },
  })
  return new StepResponse(batch)
})

export const notifyDisputeOpenedWorkflow = notificationWorkflow("notify-dispute-opened", buildDisputeOpenedStep)
