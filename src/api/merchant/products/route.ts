import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { isProductKind } from "../../../lib/product-kinds"
import { SnailError } from "../../../lib/snail-error"
import type { MerchantRequest } from "../context"
import { MERCHANT_PRODUCT_FIELDS, ownProductIds, presentProduct, refuseOtherMerchant, retrieveMerchantProduct } from "../scope"
import type { CreateMerchantProductBody } from "../validators"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100)
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0)
  const kind = req.query.kind
  if (kind !== undefined && !isProductKind(kind)) {
    throw new SnailError(400, "INVALID_PRODUCT_KIND", `Unknown kind '${String(kind)}'`, "kind")
  }
  const ids = await ownProductIds(req.scope, req.merchantContext.merchant.id)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: MERCHANT_PRODUCT_FIELDS,
    filters: { id: ids },
    pagination: { skip: offset, take: kind ? undefined : limit, order: { created_at: "DESC" } },
  })
  let products = data.map(presentProduct)
  let count = metadata?.count ?? products.length
  if (kind) {
    products = products.filter((p) => p.kind === kind)
    count = products.length
    products = products.slice(0, limit)
  }
  res.json({ products, count, limit, offset })
}

export const POST = async (req: MerchantRequest<CreateMerchantProductBody>, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  const { kind, merchant_id, ...product } = (req as any).validatedBody as CreateMerchantProductBody
  refuseOtherMerchant(merchant_id, merchant.id)

  const store = (await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 }))[0]
  const [profile] = await req.scope.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const { result } = await createProductsWorkflow(req.scope).run({
    input: {
      products: [
        {
          ...product,
          status: product.status ?? "published",
          // Only goods travel: services and courses need no shipping method at checkout.
          shipping_profile_id: kind === "PHYSICAL" ? profile?.id : undefined,
          sales_channels: store?.default_sales_channel_id ? [{ id: store.default_sales_channel_id }] : [],
          variants: product.variants.map((v) => ({ ...v, manage_inventory: v.manage_inventory ?? kind === "PHYSICAL" })),
        } as any,
      ],
      // The owner is always the caller's merchant, never a value from the request.
      additional_data: { kind, merchant_id: merchant.id },
    },
  })
  res.status(201).json({ product: await retrieveMerchantProduct(req.scope, result[0].id) })
}
