import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../context"
import { assertOwnProduct, refuseOtherMerchant, retrieveMerchantProduct } from "../../scope"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  await assertOwnProduct(req.scope, merchant.id, req.params.id)
  const { kind, merchant_id, ...update } = (req as any).validatedBody
  refuseOtherMerchant(merchant_id, merchant.id)
  await updateProductsWorkflow(req.scope).run({
    input: { selector: { id: req.params.id }, update, additional_data: kind ? { kind } : undefined },
  })
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "product", deleted: true })
}
