import { model } from "@medusajs/framework/utils"

// What the daily reconciliation found different between the PSP's report and our books.
export const ReconciliationMismatch = model
  .define("reconciliation_mismatch", {
    id: model.id({ prefix: "rcm" }).primaryKey(),
    run_date: model.text(),
    payment_id: model.text().nullable(),
    provider_reference: model.text().nullable(),
    kind: model.enum(["capture", "refund", "missing_at_provider", "missing_in_books", "ledger"]),
    currency_code: model.text(),
    ours: model.bigNumber(),
    theirs: model.bigNumber(),
    detail: model.text(),
    status: model.enum(["OPEN", "ACKNOWLEDGED"]).default("OPEN"),
  })
  .indexes([{ on: ["run_date", "kind", "payment_id"], unique: true }, { on: ["status"] }])
