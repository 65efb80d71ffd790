import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reassignCourseGrantsStep } from "./steps/reassign-course-grants"
import { transferOrderCustomerStep } from "./steps/transfer-order-customer"

export type ClaimGuestOrderInput = { order_id: string; customer_id: string }

/**
 * A signed-in customer takes a guest order they hold the signed link of: the order moves to
 * their account (Medusa's order transfer) and its course grants with it.
 */
export const claimGuestOrderWorkflow = createWorkflow("claim-guest-order", (input: ClaimGuestOrderInput) => {
  const transferred = transferOrderCustomerStep(input)
  const grantsInput = transform({ input, transferred }, ({ input, transferred }) => ({
    order_id: input.order_id,
    from_customer_id: transferred.from_customer_id,
    to_customer_id: input.customer_id,
  }))
  const grants = reassignCourseGrantsStep(grantsInput)
  return new WorkflowResponse(transform({ input, grants }, ({ input, grants }) => ({ order_id: input.order_id, course_grant_ids: grants })))
})
