import { model } from "@medusajs/framework/utils"

// Issue 5 §1: the most specific valid rule wins (src/lib/marketplace-money/commission.ts).
export const CommissionRule = model
  .define("commission_rule", {
    id: model.id({ prefix: "cmr" }).primaryKey(),
    merchant_id: model.text().nullable(),
    product_kind: model.text().nullable(),
    category_id: model.text().nullable(),
    rate_bps: model.number(),
    fixed_fee_minor: model.number().default(0),
    fixed_fee_currency: model.text().nullable(),
    valid_from: model.dateTime().nullable(),
    valid_to: model.dateTime().nullable(),
    refund_reverses_commission: model.boolean().default(true),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["merchant_id"] }])
