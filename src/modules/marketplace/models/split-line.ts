import { model } from "@medusajs/framework/utils"
import { OrderSplit } from "./order-split"

// A line's figures in its merchant's split, and its escrow clock: `release_after` is set when the
// line reaches its release state (delivered / served / access granted) plus the hold period.
export const SplitLine = model
  .define("split_line", {
    id: model.id({ prefix: "spl" }).primaryKey(),
    order_id: model.text(),
    order_line_id: model.text().unique(),
    line_item_id: model.text(),
    merchant_id: model.text().nullable(),
    kind: model.text(),
    currency_code: model.text(),
    subtotal: model.bigNumber(),
    discount: model.bigNumber(),
    // Of `discount`, what the platform funds (issue 17 §3).
    platform_discount: model.bigNumber().default(0),
    tax: model.bigNumber(),
    gross: model.bigNumber(),
    commission: model.bigNumber(),
    commission_vat: model.bigNumber().default(0),
    net: model.bigNumber(),
    rule_id: model.text(),
    rate_bps: model.number(),
    fixed_fee_minor: model.number().default(0),
    refund_reverses_commission: model.boolean().default(true),
    release_after: model.dateTime().nullable(),
    released_at: model.dateTime().nullable(),
    split: model.belongsTo(() => OrderSplit, { mappedBy: "lines" }),
  })
  .indexes([{ on: ["release_after", "released_at"] }, { on: ["merchant_id"] }])
