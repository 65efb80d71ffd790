import { model } from "@medusajs/framework/utils"

export const PROMOTION_FUNDERS = ["platform", "merchant"] as const

// Issue 17 §3: who pays for a Medusa promotion's discount. A promotion without a row takes the
// default from settings (PROMOTION_FUNDED_BY_DEFAULT). Read when an order is placed: its splits keep it.
export const PromotionFunding = model.define("promotion_funding", {
  id: model.id({ prefix: "pfund" }).primaryKey(),
  promotion_id: model.text().unique(),
  funded_by: model.enum([...PROMOTION_FUNDERS]),
})
