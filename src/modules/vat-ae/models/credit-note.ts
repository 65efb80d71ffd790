import { model } from "@medusajs/framework/utils"
import { CreditNoteLine } from "./credit-note-line"

// A tax credit note for a refund; it names the invoice it corrects (Art. 60 Executive Regulation).
export const CreditNote = model
  .define("credit_note", {
    id: model.id({ prefix: "crnote" }).primaryKey(),
    number: model.text(),
    sequence: model.number(),
    invoice_id: model.text(),
    invoice_number: model.text(),
    order_id: model.text(),
    supplier_id: model.text(),
    currency_code: model.text(),
    reason: model.text().nullable(),
    issued_at: model.dateTime(),
    exchange_rate: model.text().nullable(),
    taxable_minor: model.bigNumber(),
    vat_minor: model.bigNumber(),
    total_minor: model.bigNumber(),
    vat_aed_minor: model.bigNumber(),
    total_aed_minor: model.bigNumber(),
    lines: model.hasMany(() => CreditNoteLine, { mappedBy: "credit_note" }),
  })
  .indexes([{ on: ["number"], unique: true }, { on: ["invoice_id"] }, { on: ["supplier_id", "issued_at"] }])
  .cascades({ delete: ["lines"] })
