import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

type Input = { id: string; amount_minor: number; refund_id?: string | null }

export const buildRefundIssuedStep = createStep("build-refund-issued-notification", async (input: Input, { container }) => {
  // A refund is named by its refund id; without one, the line and the refunded total so far name it.
  const f = await lineFacts(container, input.id)
  const key = input.refund_id ?? `${input.id}:${f?.refunded_minor ?? "?"}`
  const batch: Batch = { event_name: "order.line.refunded", event_id: `refund:${key}`, messages: [] }
  if (!f || !(Number(input.amount_minor) > 0)) return new StepResponse(batch)
  batch.messages.push({
    type: "REFUND_ISSUED", template: "refund-issued", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, amount_minor: Number(input.amount_minor), currency_code: f.line.currency_code, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyRefundIssuedWorkflow = notificationWorkflow("notify-refund-issued", buildRefundIssuedStep)
