import { model } from "@medusajs/framework/utils"
import { JOURNAL_KINDS, LEDGER_ACCOUNTS } from "../../../lib/marketplace-money/ledger"

// Append-only (a database trigger refuses UPDATE and DELETE): one row per posting; the postings of
// a journal share `journal_key`, whose uniqueness with `seq` makes a journal bookable only once.
export const LedgerEntry = model
  .define("ledger_entry", {
    id: model.id({ prefix: "led" }).primaryKey(),
    journal_key: model.text(),
    seq: model.number(),
    kind: model.enum([...JOURNAL_KINDS]),
    account: model.enum([...LEDGER_ACCOUNTS]),
    merchant_id: model.text().nullable(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    order_id: model.text().nullable(),
    order_line_id: model.text().nullable(),
    payout_id: model.text().nullable(),
    dispute_id: model.text().nullable(),
  })
  .indexes([
    { on: ["journal_key", "seq"], unique: true },
    { on: ["merchant_id", "account", "currency_code"] },
    { on: ["order_line_id"] },
    { on: ["order_id"] },
  ])
