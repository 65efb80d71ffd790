import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductVariantsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantMatchesSiblings } from "../../../../../../workflows/marketplace/product-rules"
import type { MerchantRequest } from "../../../../context"
import { assertOwnVariant, retrieveMerchantProduct } from "../../../../scope"

// The variant must belong to this product *and* the product to the caller's merchant.
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnVariant(req.scope, req.merchantContext.merchant.id, req.params.id, req.params.variant_id)
  const { prices, title } = (req as any).validatedBody
  // New prices must still reach every currency the product's other variants are sold in.
  if (prices) await assertVariantMatchesSiblings(req.scope, req.params.id, { title, prices }, req.params.variant_id)
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
