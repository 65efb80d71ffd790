import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SnailError } from "../../../lib/snail-error"
import type { MerchantRequest } from "../context"
import { MERCHANT_PRODUCT_FIELDS, ownProductIds, presentProduct, refuseOtherMerchant, retrieveMerchantProduct } from "../scope"
import { ListMerchantProducts, type CreateMerchantProductBody } from "../validators"
import { loadReadiness, refusalOf } from "../../../workflows/marketplace/publish-readiness"
import { defaultShippingProfileId } from "../../../workflows/marketplace/merchant-shipping"
import { merchantStockLocationId } from "../../../workflows/order-lines/merchant-location"
import { assertPricesCoverRegions, assertPublishable, canPublishNew } from "../../../workflows/marketplace/product-rules"
import { stockMerchantProductWorkflow } from "../../../workflows/marketplace/stock-merchant-product"

/**
 * GET /merchant/products — the merchant's catalogue, newest first: `q` (title, handle or SKU),
 * `kind`, `status`; each product with its stock and publish checklist.
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const parsed = ListMerchantProducts.safeParse(req.query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = String(issue?.path?.[0] ?? "")
    if (field === "kind") throw new SnailError(400, "INVALID_PRODUCT_KIND", `Unknown kind '${String(req.query.kind)}'`, "kind")
    throw new SnailError(400, "INVALID_FIELD", `${field}: ${issue?.message}`, field)
  }
  const { q, kind, status, limit = 20, offset = 0 } = parsed.data
  const merchantId = req.merchantContext.merchant.id
  const ids = await ownProductIds(req.scope, merchantId)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // A merchant's catalogue is small: filter its rows here (kind is a linked record, not a product column).
  const { data: rows } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "status", "created_at", "variants.sku", "product_kind.kind"],
    filters: { id: ids, ...(status ? { status } : {}) },
  })
  const needle = q?.trim().toLocaleLowerCase()
  const matching = (rows as any[])
    .filter((p) => !kind || (p.product_kind?.kind ?? "PHYSICAL") === kind)
    .filter((p) => !needle || [p.title, p.handle, ...(p.variants ?? []).map((v: any) => v?.sku)].some((t) => typeof t === "string" && t.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || String(b.id).localeCompare(String(a.id)))
  const page = matching.slice(offset, offset + limit).map((p) => p.id)
  if (!page.length) return res.json({ products: [], count: matching.length, limit, offset })
  const [{ data }, locationId, readiness] = await Promise.all([
    query.graph({ entity: "product", fields: MERCHANT_PRODUCT_FIELDS, filters: { id: page } }),
    merchantStockLocationId(req.scope, merchantId),
    loadReadiness(req.scope, merchantId, page),
  ])
  const byId = new Map((data as any[]).map((p) => [p.id, p]))
  const products = page.map((id) => {
    const r = readiness.get(id)
    return { ...presentProduct(byId.get(id), locationId), readiness: { ready: r?.ready ?? false, problems: r?.problems ?? [] } }
  })
  res.json({ products, count: matching.length, limit, offset })
}

export const POST = async (req: MerchantRequest<CreateMerchantProductBody>, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  const { kind, merchant_id, booking_mode, region_ids, ...product } = (req as any).validatedBody as CreateMerchantProductBody
  refuseOtherMerchant(merchant_id, merchant.id)
  if (booking_mode && kind !== "SERVICE") throw new SnailError(400, "INVALID_FIELD", "booking_mode is only for SERVICE products", "booking_mode")

  // Sellable by construction (issue 16 §5): priced wherever it is sold, live only when it can be bought.
  await assertPricesCoverRegions(req.scope, product.variants, region_ids)
  const status = product.status ?? (canPublishNew(kind, booking_mode) ? "published" : "draft")
  if (status === "published") await assertPublishable(req.scope, { title: product.title, kind, booking_mode })
  // Goods asked to go live at once need something on the shelf (issue 22 §2). Only an explicit
  // "published" is judged: without a status, older clients keep the issue 16 default.
  if (product.status === "published" && kind === "PHYSICAL" &&
    !product.variants.some((v) => v.manage_inventory === false || (v.stocked_quantity ?? 0) > 0)) {
    throw refusalOf(product.title, { reason_code: "NO_STOCK" })
  }

  // One catalogue for the whole marketplace: the product is offered in every sales channel.
  const channels = await req.scope.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { select: ["id"] })
  const profileId = kind === "PHYSICAL" ? await defaultShippingProfileId(req.scope) : undefined
  const quantities: Record<string, number> = {}
  for (const v of product.variants) if (v.stocked_quantity !== undefined) quantities[v.title] = v.stocked_quantity
  const { result } = await createProductsWorkflow(req.scope).run({
    input: {
      products: [
        {
          ...product,
          status,
          // Only goods travel: services and courses need no shipping method at checkout.
          shipping_profile_id: profileId,
          sales_channels: channels.map((c) => ({ id: c.id })),
          variants: product.variants.map(({ stocked_quantity: _stock, ...v }) => ({ ...v, manage_inventory: v.manage_inventory ?? kind === "PHYSICAL" })),
        } as any,
      ],
      // The owner is always the caller's merchant, never a value from the request.
      additional_data: { kind, merchant_id: merchant.id, ...(booking_mode ? { booking_mode } : {}) },
    },
  })
  const productId = result[0].id
  if (kind === "PHYSICAL") {
    try {
      await stockMerchantProductWorkflow(req.scope).run({
        input: {
          merchant: { id: merchant.id, display_name: merchant.display_name, country_code: merchant.country_code },
          product_id: productId, sales_channel_ids: channels.map((c) => c.id), quantities,
        },
      })
    } catch (e) {
      // A product that could not be stocked would be listed and unbuyable: it goes, the error stays.
      await deleteProductsWorkflow(req.scope).run({ input: { ids: [productId] } }).catch(() => undefined)
      throw e
    }
  }
  res.status(201).json({ product: await retrieveMerchantProduct(req.scope, productId) })
}
