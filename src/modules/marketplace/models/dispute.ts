import { model } from "@medusajs/framework/utils"

export const DISPUTE_REASONS = ["NOT_RECEIVED", "NOT_AS_DESCRIBED", "DAMAGED", "SERVICE_NOT_PROVIDED", "ACCESS_PROBLEM", "OTHER"] as const
export const DISPUTE_STATUSES = ["OPEN", "RESOLVED_REFUND", "REJECTED"] as const

// A buyer's dispute on one order line: while OPEN it freezes that line's funds.
export const Dispute = model
  .define("dispute", {
    id: model.id({ prefix: "dsp" }).primaryKey(),
    order_id: model.text(),
    order_line_id: model.text(),
    merchant_id: model.text().nullable(),
    customer_id: model.text(),
    reason: model.enum([...DISPUTE_REASONS]),
    status: model.enum([...DISPUTE_STATUSES]).default("OPEN"),
    currency_code: model.text(),
    refund_amount: model.bigNumber().nullable(),
    resolution_note: model.text().nullable(),
    resolved_by: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    messages: model.hasMany(() => DisputeMessage, { mappedBy: "dispute" }),
  })
  .indexes([
    // At most one open dispute per line.
    { on: ["order_line_id"], unique: true, where: "status = 'OPEN' AND deleted_at IS NULL" },
    { on: ["merchant_id", "status"] },
    { on: ["customer_id"] },
  ])
  .cascades({ delete: ["messages"] })

export const DisputeMessage = model.define("dispute_message", {
  id: model.id({ prefix: "dspm" }).primaryKey(),
  author_type: model.enum(["buyer", "merchant", "admin"]),
  author_id: model.text(),
  body: model.text(),
  dispute: model.belongsTo(() => Dispute, { mappedBy: "messages" }),
})
