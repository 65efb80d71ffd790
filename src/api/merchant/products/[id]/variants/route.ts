import type { MedusaResponse } from "@medusajs/framework/http"
import { createProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../../context"
import { assertOwnProduct, retrieveMerchantProduct } from "../../../scope"

export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  await createProductVariantsWorkflow(req.scope).run({
    input: { product_variants: [{ ...(req as any).validatedBody, product_id: req.params.id }] },
  })
  res.status(201).json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}
