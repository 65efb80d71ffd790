import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkOrderToMerchantsStep } from "./steps/link-order-to-merchants"

/** Idempotent: linking the same order again adds nothing. */
export const linkOrderToMerchantsWorkflow = createWorkflow("link-order-to-merchants", (input: { order_id: string }) => {
  const merchantIds = linkOrderToMerchantsStep(input)
  return new WorkflowResponse(merchantIds)
})
