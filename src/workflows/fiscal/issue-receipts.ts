import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planFiscalReceiptsStep, PlanReceiptsInput } from "./steps/plan-receipts"

/** Writes the receipts an order event calls for into the fiscal outbox (docs/fiscal.md). */
export const issueFiscalReceiptsWorkflow = createWorkflow("issue-fiscal-receipts", (input: PlanReceiptsInput) => {
  return new WorkflowResponse(planFiscalReceiptsStep(input))
})
