import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

/**
 * Delivered (SHIPPED → DELIVERED). A refused return also lands on DELIVERED; that is not a delivery,
 * so only the move from SHIPPED is announced.
 */
export const buildLineDeliveredStep = createStep("build-line-delivered-notification", async (input: { line_id: string; from?: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `line.delivered:${input.line_id}`, messages: [] }
  if (input.from && input.from !== "SHIPPED") return new StepResponse(batch)
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  batch.messages.push({
    type: "LINE_DELIVERED", template: "line-delivered", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyLineDeliveredWorkflow = notificationWorkflow("notify-line-delivered", buildLineDeliveredStep)
