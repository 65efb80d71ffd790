import { createProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { DEFAULT_PRODUCT_KIND, isProductKind } from "../../lib/product-kinds"
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
  await setProductKindsWorkflow(container).run({
    input: { assignments: productIds.map((product_id) => ({ product_id, kind })) },
  })
})

updateProductsWorkflow.hooks.productsUpdated(async ({ products, additional_data }, { container }) => {
  if (!isProductKind(additional_data?.kind)) return
  const kind = additional_data.kind
  await setProductKindsWorkflow(container).run({
    input: { assignments: products.map((p) => ({ product_id: p.id, kind })) },
  })
})
