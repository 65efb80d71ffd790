import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { DEFAULT_PRODUCT_KIND, isBookingMode, isProductKind, type ProductKindValue } from "../../lib/product-kinds"
import { linkProductsToMerchantWorkflow } from "../marketplace/link-products-to-merchant"
import { setProductKindsWorkflow } from "../product-kind/set-product-kinds"

// A hook takes one handler, so everything that reacts to product creation lives here.
// `additional_data` is validated by zod in src/api/middlewares.ts (admin) or built by the
// merchant routes, which always set `merchant_id` to the caller's own merchant.
createProductsWorkflow.hooks.productsCreated(async ({ products, additional_data }, { container }) => {
  const kind = isProductKind(additional_data?.kind) ? additional_data.kind : DEFAULT_PRODUCT_KIND
  const productIds = products.map((p) => p.id)
  // Ownership first: an unknown merchant fails the creation before anything else is written.
  const merchantId = additional_data?.merchant_id
  if (typeof merchantId === "string" && merchantId) {
    await linkProductsToMerchantWorkflow(container).run({ input: { merchant_id: merchantId, product_ids: productIds } })
  }
  const booking_mode = isBookingMode(additional_data?.booking_mode) ? additional_data.booking_mode : undefined
  await setProductKindsWorkflow(container).run({
    input: { assignments: productIds.map((product_id) => ({ product_id, kind, booking_mode })) },
  })
})

updateProductsWorkflow.hooks.productsUpdated(async ({ products, additional_data }, { container }) => {
  const booking_mode = isBookingMode(additional_data?.booking_mode) ? additional_data.booking_mode : undefined
  if (!isProductKind(additional_data?.kind) && !booking_mode) return
  // A booking mode alone keeps each product's kind.
  const kinds = isProductKind(additional_data?.kind) ? null : await currentKinds(container, products.map((p) => p.id))
  await setProductKindsWorkflow(container).run({
    input: { assignments: products.map((p) => ({ product_id: p.id, kind: kinds ? kinds.get(p.id) ?? DEFAULT_PRODUCT_KIND : (additional_data!.kind as any), booking_mode })) },
  })
})

async function currentKinds(container: any, ids: string[]) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "product_kind.kind"], filters: { id: ids } })
  return new Map<string, ProductKindValue>(data.map((p: any) => [p.id, p.product_kind?.kind ?? DEFAULT_PRODUCT_KIND]))
}
