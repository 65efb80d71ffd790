import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { PRODUCT_KIND_MODULE } from "../../modules/product-kind"
import { ProductKindAssignment, upsertProductKindsStep } from "./steps/upsert-product-kinds"

/** Sets the kind of each given product, creating the kind row and its link on first use. */
export const setProductKindsWorkflow = createWorkflow(
  "set-product-kinds",
  (input: { assignments: ProductKindAssignment[] }) => {
    const toLink = upsertProductKindsStep(input.assignments)
    const links = transform({ toLink }, ({ toLink }) =>
      toLink.map((l) => ({
        [Modules.PRODUCT]: { product_id: l.product_id },
        [PRODUCT_KIND_MODULE]: { product_kind_id: l.product_kind_id },
      }))
    )
    createRemoteLinkStep(links)
    return new WorkflowResponse(input.assignments)
  }
)
