import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkProductsToMerchantStep } from "./steps/link-products-to-merchant"

export const linkProductsToMerchantWorkflow = createWorkflow(
  "link-products-to-merchant",
  (input: { merchant_id: string; product_ids: string[] }) => {
    linkProductsToMerchantStep(input)
    return new WorkflowResponse(input)
  }
)
