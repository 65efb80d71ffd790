import { model } from "@medusajs/framework/utils"
import { PRODUCT_KINDS } from "../../../lib/product-kinds"
import { OrderLineTransition } from "./order-line-transition"

// The lifecycle of one order line (DESIGN.md §4). `line_item_id` is Medusa's order line item.
export const OrderLine = model
  .define("order_line", {
    id: model.id({ prefix: "oline" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text().unique(),
    kind: model.enum([...PRODUCT_KINDS]),
    merchant_id: model.text().nullable(),
    process_version: model.number(),
    state: model.text(),
    state_entered_at: model.dateTime(),
    carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    // Medusa's fulfilment carrying this line (one per line): our moves create, ship, deliver and cancel it.
    fulfillment_id: model.text().nullable(),
    // Medusa's return of this line (PHYSICAL v2): requested, received or cancelled with the line.
    return_id: model.text().nullable(),
    captured_amount: model.bigNumber().default(0),
    refunded_amount: model.bigNumber().default(0),
    currency_code: model.text(),
    transitions: model.hasMany(() => OrderLineTransition, { mappedBy: "line" }),
  })
  .indexes([{ on: ["order_id"] }, { on: ["merchant_id"] }, { on: ["state", "state_entered_at"] }])
  .cascades({ delete: ["transitions"] })
