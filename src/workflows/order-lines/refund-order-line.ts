import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { RefundLineInput, refundLineStep } from "./steps/refund-line"
import { SNAIL_EVENTS } from "../../lib/events"
import { lockOrderMoneyStep, unlockOrderMoneyStep } from "./money-lock"
import { closeRefundedCourseLineWorkflow } from "../course-access/close-refunded-course-line"

/**
 * A partial or full refund of one line under its order's money lock, recorded in its history; emits
 * order.line.refunded. A course line refunded in full then ends REFUNDED with its access revoked,
 * before the answer (not later in a subscriber): the refund's caller and the buyer see it closed at once.
 */
export const refundOrderLineWorkflow = createWorkflow("refund-order-line", (input: RefundLineInput) => {
  const held = lockOrderMoneyStep({ line_id: input.line_id })
  const result = refundLineStep(input)
  const event = transform({ input, result }, ({ input, result }) => ({
    eventName: SNAIL_EVENTS.ORDER_LINE_REFUNDED,
    data: { id: input.line_id, amount_minor: result.refunded, refund_id: (result as any).refund_id ?? null, reason: input.reason, actor_type: input.actor_type },
  }))
  emitEventStep(event)
  unlockOrderMoneyStep(held)
  // After the lock is released: the REFUNDED move takes it again.
  const close = transform({ input }, ({ input }) => ({ line_id: input.line_id, reason: input.reason }))
  closeRefundedCourseLineWorkflow.runAsStep({ input: close })
  return new WorkflowResponse(result)
})
