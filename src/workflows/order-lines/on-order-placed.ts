import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkOrderToMerchantsStep } from "../marketplace/steps/link-order-to-merchants"
import { createOrderLinesStep } from "./steps/create-order-lines"

/** Everything an order needs the moment it exists: its merchants and one lifecycle per line. */
export const onOrderPlacedWorkflow = createWorkflow("on-order-placed", (input: { order_id: string }) => {
  const merchants = linkOrderToMerchantsStep(input)
  const lines = createOrderLinesStep(input)
  return new WorkflowResponse({ merchants, lines })
})
