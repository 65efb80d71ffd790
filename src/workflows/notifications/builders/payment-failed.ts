import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

type Input = { id: string; order_id: string; line_id: string | null; amount_minor: number; currency_code: string }

/**
 * A capture refused for good. Once per line: a merchant trying the same capture again (refused
 * again) does not e-mail the buyer a second time.
 */
export const buildPaymentFailedStep = createStep("build-payment-failed-notification", async (input: Input, { container }) => {
  const batch: Batch = { event_name: "order.line.payment_failed", event_id: `payment.failed:${input.line_id ?? input.id}`, messages: [] }
  const f = input.line_id ? await lineFacts(container, input.line_id) : null
  if (!f) return new StepResponse(batch)
  batch.messages.push({
    type: "PAYMENT_FAILED", template: "payment-failed", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, amount_minor: Number(input.amount_minor), currency_code: input.currency_code, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyPaymentFailedWorkflow = notificationWorkflow("notify-payment-failed", buildPaymentFailedStep)
