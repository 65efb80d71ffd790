import { model } from "@medusajs/framework/utils"
import { SplitLine } from "./split-line"

// One per merchant and order, written when the order is placed (its payment authorized). Minor units.
export const OrderSplit = model
  .define("order_split", {
    id: model.id({ prefix: "osp" }).primaryKey(),
    order_id: model.text(),
    merchant_id: model.text().nullable(),
    currency_code: model.text(),
    gross: model.bigNumber(),
    discount: model.bigNumber(),
    platform_discount: model.bigNumber().default(0),
    tax: model.bigNumber(),
    commission: model.bigNumber(),
    commission_vat: model.bigNumber().default(0),
    net: model.bigNumber(),
    lines: model.hasMany(() => SplitLine, { mappedBy: "split" }),
  })
  .indexes([{ on: ["order_id", "merchant_id"], unique: true }, { on: ["merchant_id"] }])
  .cascades({ delete: ["lines"] })
