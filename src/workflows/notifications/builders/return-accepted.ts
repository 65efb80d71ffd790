import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

/**
 * The merchant received the returned item (RETURN_REQUESTED → RETURNED): the same move refunds
 * everything captured for the line, so the refund shown is the line's refunded total.
 */
export const buildReturnAcceptedStep = createStep("build-return-accepted-notification", async (input: { line_id: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `return.accepted:${input.line_id}`, messages: [] }
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  batch.messages.push({
    type: "RETURN_ACCEPTED", template: "return-accepted", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, refund_minor: f.refunded_minor, currency_code: f.line.currency_code, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyReturnAcceptedWorkflow = notificationWorkflow("notify-return-accepted", buildReturnAcceptedStep)
