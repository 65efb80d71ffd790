import { model } from "@medusajs/framework/utils"
import { VAT_TREATMENTS } from "../../../lib/vat-ae"
import { CreditNote } from "./credit-note"

export const CreditNoteLine = model.define("credit_note_line", {
  id: model.id({ prefix: "crnotel" }).primaryKey(),
  line_item_id: model.text(),
  order_line_id: model.text().nullable(),
  description: model.text(),
  treatment: model.enum([...VAT_TREATMENTS]),
  rate_bps: model.number(),
  taxable_minor: model.bigNumber(),
  vat_minor: model.bigNumber(),
  total_minor: model.bigNumber(),
  credit_note: model.belongsTo(() => CreditNote, { mappedBy: "lines" }),
})
