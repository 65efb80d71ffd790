import type { MedusaResponse } from "@medusajs/framework/http"
import { createProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantMatchesSiblings } from "../../../../../workflows/marketplace/product-rules"
import { stockMerchantProductWorkflow } from "../../../../../workflows/marketplace/stock-merchant-product"
import type { MerchantRequest } from "../../../context"
import { assertOwnProduct, retrieveMerchantProduct } from "../../../scope"
import { Modules } from "@medusajs/framework/utils"

export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  await assertOwnProduct(req.scope, merchant.id, req.params.id)
  const { stocked_quantity, ...variant } = (req as any).validatedBody
  // A new variant is priced wherever its siblings are sold (issue 16 §5).
  await assertVariantMatchesSiblings(req.scope, req.params.id, variant)
  const product = await retrieveMerchantProduct(req.scope, req.params.id)
  const { result } = await createProductVariantsWorkflow(req.scope).run({
    input: { product_variants: [{ ...variant, manage_inventory: variant.manage_inventory ?? product.kind === "PHYSICAL", product_id: req.params.id }] },
  })
  if (product.kind === "PHYSICAL") {
    const channels = await req.scope.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { select: ["id"] })
    await stockMerchantProductWorkflow(req.scope).run({
      input: {
        merchant: { id: merchant.id, display_name: merchant.display_name, country_code: merchant.country_code },
        product_id: req.params.id, sales_channel_ids: channels.map((c) => c.id), quantities: { [result[0].id]: stocked_quantity ?? 0 },
      },
    })
  }
  res.status(201).json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}
