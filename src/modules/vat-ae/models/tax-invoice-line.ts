import { model } from "@medusajs/framework/utils"
import { VAT_TREATMENTS } from "../../../lib/vat-ae"
import { TaxInvoice } from "./tax-invoice"

export const TaxInvoiceLine = model.define("tax_invoice_line", {
  id: model.id({ prefix: "taxinvl" }).primaryKey(),
  line_item_id: model.text(),
  description: model.text(),
  quantity: model.number(),
  unit_price_minor: model.bigNumber(),
  discount_minor: model.bigNumber().default(0),
  taxable_minor: model.bigNumber(),
  treatment: model.enum([...VAT_TREATMENTS]),
  treatment_reason: model.text().nullable(),
  rate_bps: model.number(),
  vat_minor: model.bigNumber(),
  total_minor: model.bigNumber(),
  invoice: model.belongsTo(() => TaxInvoice, { mappedBy: "lines" }),
})
