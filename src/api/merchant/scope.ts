import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"
import { productSellability } from "../../workflows/marketplace/product-sellability"
import { loadReadiness } from "../../workflows/marketplace/publish-readiness"
import { merchantStockLocationId } from "../../workflows/order-lines/merchant-location"

/** Ids of the merchant's own products: the only ones its staff may see or touch. */
export async function ownProductIds(scope: MedusaContainer, merchantId: string): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "merchant", fields: ["products.id"], filters: { id: merchantId } })
  return (data[0]?.products ?? []).filter(Boolean).map((p: any) => p.id)
}

/** 404 (not 403) for another merchant's product: its existence is not ours to reveal. */
export async function assertOwnProduct(scope: MedusaContainer, merchantId: string, productId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "merchant.id"], filters: { id: productId } })
  if (data[0]?.merchant?.id !== merchantId) throw new SnailError(404, "NOT_FOUND", `Product ${productId} not found`)
}

export async function assertOwnVariant(scope: MedusaContainer, merchantId: string, productId: string, variantId: string) {
  await assertOwnProduct(scope, merchantId, productId)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantId } })
  if (data[0]?.product_id !== productId) throw new SnailError(404, "NOT_FOUND", `Variant ${variantId} not found`)
}

export function refuseOtherMerchant(bodyMerchantId: string | undefined, ownMerchantId: string) {
  if (bodyMerchantId !== undefined && bodyMerchantId !== ownMerchantId) {
    throw new SnailError(403, "MERCHANT_SCOPE_VIOLATION", "Products can only be created for your own merchant", "merchant_id")
  }
}

export const MERCHANT_PRODUCT_FIELDS = [
  "id", "title", "handle", "description", "status", "thumbnail", "created_at", "updated_at", "metadata",
  "images.id", "images.url", "images.rank",
  "options.id", "options.title", "options.values.id", "options.values.value",
  "variants.id", "variants.title", "variants.sku", "variants.manage_inventory",
  "variants.options.value", "variants.options.option_id", "variants.prices.amount", "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "product_kind.kind", "product_kind.booking_mode",
]

/**
 * A product as its merchant sees it: kind, translations, and each variant's stock at the
 * merchant's own location (`stocked_quantity`, `reserved_quantity`; null when it tracks none).
 */
export function presentProduct(p: any, locationId?: string) {
  const { product_kind, metadata, variants, ...rest } = p
  return {
    ...rest,
    kind: product_kind?.kind ?? null,
    booking_mode: product_kind?.booking_mode ?? null,
    translations: (metadata?.translations ?? {}) as Record<string, { title?: string; description?: string }>,
    variants: (variants ?? []).filter(Boolean).map(({ inventory_items, ...v }: any) => {
      const levels = (inventory_items ?? []).flatMap((i: any) => i?.inventory?.location_levels ?? []).filter((l: any) => l && l.location_id === locationId)
      const sum = (k: string) => levels.reduce((n: number, l: any) => n + Number(l[k] ?? 0), 0)
      return { ...v, stocked_quantity: v.manage_inventory ? sum("stocked_quantity") : null, reserved_quantity: v.manage_inventory ? sum("reserved_quantity") : null }
    }),
  }
}

/**
 * One product as its merchant sees it, with whether it can be bought as it is (`sellable`, any
 * region) and its publish checklist (`readiness`: what stops it from going live, issue 22 §2).
 */
export async function retrieveMerchantProduct(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: [...MERCHANT_PRODUCT_FIELDS, "merchant.id"], filters: { id } })
  const { merchant, ...product } = data[0] as any
  const locationId = await merchantStockLocationId(scope, merchant?.id)
  const readiness = (await loadReadiness(scope, merchant?.id, [id])).get(id)
  return {
    ...presentProduct(product, locationId),
    sellable: await productSellability(scope, id),
    readiness: { ready: readiness?.ready ?? false, problems: readiness?.problems ?? [] },
  }
}
