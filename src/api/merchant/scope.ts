import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"

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
  "id", "title", "handle", "description", "status", "thumbnail", "created_at", "updated_at",
  "options.id", "options.title", "options.values.value",
  "variants.id", "variants.title", "variants.sku", "variants.manage_inventory",
  "variants.options.value", "variants.prices.amount", "variants.prices.currency_code",
  "product_kind.kind",
]

export function presentProduct(p: any) {
  const { product_kind, ...rest } = p
  return { ...rest, kind: product_kind?.kind ?? null }
}

export async function retrieveMerchantProduct(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: MERCHANT_PRODUCT_FIELDS, filters: { id } })
  return presentProduct(data[0])
}
