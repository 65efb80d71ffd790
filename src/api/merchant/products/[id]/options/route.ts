import type { MedusaResponse } from "@medusajs/framework/http"
import { createAndLinkProductOptionsToProductWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../../context"
import { assertOwnProduct, retrieveMerchantProduct } from "../../../scope"

/**
 * POST /merchant/products/:id/options — a new option (e.g. Size: S, M, L) of the merchant's own
 * product. Medusa 2.16+ options can be shared between products; a merchant's are its product's own
 * (`is_exclusive`), so no other shop's product ever shows or changes them.
 */
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  const { title, values } = (req as any).validatedBody as { title: string; values: string[] }
  await createAndLinkProductOptionsToProductWorkflow(req.scope).run({
    input: { product_id: req.params.id, add: [{ title, values, is_exclusive: true }] },
  })
  res.status(201).json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}
