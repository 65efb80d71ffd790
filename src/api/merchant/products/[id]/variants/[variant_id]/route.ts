import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductVariantsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../../../context"
import { assertOwnVariant, retrieveMerchantProduct } from "../../../../scope"

// The variant must belong to this product *and* the product to the caller's merchant.
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnVariant(req.scope, req.merchantContext.merchant.id, req.params.id, req.params.variant_id)
  await updateProductVariantsWorkflow(req.scope).run({
    input: { selector: { id: req.params.variant_id, product_id: req.params.id }, update: (req as any).validatedBody },
  })
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnVariant(req.scope, req.merchantContext.merchant.id, req.params.id, req.params.variant_id)
  await deleteProductVariantsWorkflow(req.scope).run({ input: { ids: [req.params.variant_id] } })
  res.json({ id: req.params.variant_id, object: "variant", deleted: true })
}
