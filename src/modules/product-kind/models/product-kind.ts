import { model } from "@medusajs/framework/utils"
import { PRODUCT_KINDS } from "../../../lib/product-kinds"

// One row per product (module link product ↔ product_kind); indexed by kind for store filtering.
export const ProductKind = model
  .define("product_kind", {
    id: model.id({ prefix: "pkind" }).primaryKey(),
    kind: model.enum([...PRODUCT_KINDS]),
  })
  .indexes([{ on: ["kind"] }])
