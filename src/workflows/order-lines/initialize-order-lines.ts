import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderLinesStep } from "./steps/create-order-lines"

export const initializeOrderLinesWorkflow = createWorkflow("initialize-order-lines", (input: { order_id: string }) => {
  const lines = createOrderLinesStep(input)
  return new WorkflowResponse(lines)
})
