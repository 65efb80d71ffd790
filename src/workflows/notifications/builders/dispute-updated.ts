import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf, merchantRecipients } from "./shared"

/** Messages are people's own words; a very long one is cut for the e-mail (the page shows it all). */
const excerpt = (body: string) => (body.length > 1000 ? `${body.slice(0, 1000)}…` : body)

type MessageInput = { id: string; dispute_id: string; author_type: "buyer" | "merchant" | "admin" }

/** A reply in a dispute goes to the other side: the buyer's to the merchant, the merchant's or support's to the buyer. */
export const buildDisputeMessageStep = createStep("build-dispute-message-notification", async (input: MessageInput, { container }) => {
  const batch: Batch = { event_name: "marketplace.dispute.message_added", event_id: `dispute.message:${input.id}`, messages: [] }
  const marketplace: any = container.resolve(MARKETPLACE_MODULE)
  const [dispute] = await marketplace.listDisputes({ id: input.dispute_id })
  const [message] = await marketplace.listDisputeMessages({ id: input.id })
  const f = dispute ? await lineFacts(container, dispute.order_line_id) : null
  if (!dispute || !message || !f) return new StepResponse(batch)
  const merchant = dispute.merchant_id ? await merchantRecipients(container, dispute.merchant_id) : null
  if (input.author_type === "buyer") {
    if (merchant) {
      batch.messages.push({
        type: "MERCHANT_DISPUTE_REPLIED", template: "merchant-dispute-replied", recipients: merchant.recipients,
        data: { display_id: f.order.display_id, title: f.title, message: excerpt(message.body), portal_url: `${storefrontUrl()}/merchant?dispute=${dispute.id}` },
      })
    }
  } else {
    batch.messages.push({
      type: "DISPUTE_UPDATED", template: "dispute-reply", recipients: [buyerOf(f.order)],
      data: { display_id: f.order.display_id, title: f.title, author: input.author_type, merchant_name: merchant?.name ?? "", message: excerpt(message.body), order_url: f.order_url },
    })
  }
  return new StepResponse(batch)
})

export const notifyDisputeMessageWorkflow = notificationWorkflow("notify-dispute-message", buildDisputeMessageStep)

/** An admin settled the dispute: the buyer learns the outcome and any refund. */
export const buildDisputeResolvedStep = createStep("build-dispute-resolved-notification", async (input: { id: string; refund_minor?: number }, { container }) => {
  const batch: Batch = { event_name: "marketplace.dispute.resolved", event_id: `dispute.resolved:${input.id}`, messages: [] }
  const [dispute] = await (container.resolve(MARKETPLACE_MODULE) as any).listDisputes({ id: input.id })
  const f = dispute ? await lineFacts(container, dispute.order_line_id) : null
  if (!dispute || !f || (dispute.status !== "RESOLVED_REFUND" && dispute.status !== "REJECTED")) return new StepResponse(batch)
  batch.messages.push({
    type: "DISPUTE_UPDATED", template: "dispute-resolved", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, outcome: dispute.status, currency_code: dispute.currency_code,
      // The dispute keeps its refund in minor units (the event carries the same figure).
      refund_minor: Number(input.refund_minor ?? dispute.refund_amount ?? 0),
      note: dispute.resolution_note ?? null, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyDisputeResolvedWorkflow = notificationWorkflow("notify-dispute-resolved", buildDisputeResolvedStep)
