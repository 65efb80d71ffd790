import { model } from "@medusajs/framework/utils"
import { BOOKING_MODES, PRODUCT_KINDS } from "../../../lib/product-kinds"

// One row per product (module link product ↔ product_kind); indexed by kind for store filtering.
export const ProductKind = model
  .define("product_kind", {
    id: model.id({ prefix: "pkind" }).primaryKey(),
    kind: model.enum([...PRODUCT_KINDS]),
    /** SERVICE only: sold by time slot or by appointment; null = by whether a schedule exists (older products). */
    booking_mode: model.enum([...BOOKING_MODES]).nullable(),
  })
  .indexes([{ on: ["kind"] }])
