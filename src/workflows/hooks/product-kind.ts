import { createProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { DEFAULT_PRODUCT_KIND, isProductKind } from "../../lib/product-kinds"
import { setProductKindsWorkflow } from "../product-kind/set-product-kinds"

// `additional_data.kind` is validated by the zod schema in src/api/middlewares.ts before it gets here.
createProductsWorkflow.hooks.productsCreated(async ({ products, additional_data }, { container }) => {
  const kind = isProductKind(additional_data?.kind) ? additional_data.kind : DEFAULT_PRODUCT_KIND
  await setProductKindsWorkflow(container).run({
    input: { assignments: products.map((p) => ({ product_id: p.id, kind })) },
  })
})

updateProductsWorkflow.hooks.productsUpdated(async ({ products, additional_data }, { container }) => {
  if (!isProductKind(additional_data?.kind)) return
  const kind = additional_data.kind
  await setProductKindsWorkflow(container).run({
    input: { assignments: products.map((p) => ({ product_id: p.id, kind })) },
  })
})
