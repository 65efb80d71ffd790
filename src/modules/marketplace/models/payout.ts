import { model } from "@medusajs/framework/utils"

export const PAYOUT_STATUSES = ["PENDING", "PAID", "FAILED"] as const

// A batch is identified by its run key (e.g. the day): running it again finds it instead of paying twice.
export const PayoutBatch = model.define("payout_batch", {
  id: model.id({ prefix: "pob" }).primaryKey(),
  run_key: model.text().unique(),
  trigger: model.enum(["schedule", "admin"]),
  triggered_by: model.text().nullable(),
  payouts: model.hasMany(() => Payout, { mappedBy: "batch" }),
})

export const Payout = model
  .define("payout", {
    id: model.id({ prefix: "po" }).primaryKey(),
    merchant_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum([...PAYOUT_STATUSES]).default("PENDING"),
    provider: model.text(),
    provider_reference: model.text().nullable(),
    failure_reason: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
    batch: model.belongsTo(() => PayoutBatch, { mappedBy: "payouts" }),
  })
  .indexes([{ on: ["batch_id", "merchant_id", "currency_code"], unique: true }, { on: ["merchant_id"] }, { on: ["status"] }])
