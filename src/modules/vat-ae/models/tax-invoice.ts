import { model } from "@medusajs/framework/utils"
import { TaxInvoiceLine } from "./tax-invoice-line"

// One per order and VAT-registered supplier. Supplier and recipient are snapshots: an invoice never changes.
export const TaxInvoice = model
  .define("tax_invoice", {
    id: model.id({ prefix: "taxinv" }).primaryKey(),
    number: model.text(),
    sequence: model.number(),
    kind: model.enum(["SIMPLIFIED", "FULL"]),
    order_id: model.text(),
    order_display_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    supplier_id: model.text(),
    supplier: model.json(),
    recipient: model.json(),
    currency_code: model.text(),
    tax_inclusive: model.boolean().default(false),
    issued_at: model.dateTime(),
    supply_date: model.dateTime(),
    exchange_rate: model.text().nullable(),
    exchange_rate_source: model.text().nullable(),
    exchange_rate_at: model.dateTime().nullable(),
    discount_minor: model.bigNumber().default(0),
    taxable_minor: model.bigNumber(),
    vat_minor: model.bigNumber(),
    total_minor: model.bigNumber(),
    standard_minor: model.bigNumber().default(0),
    zero_rated_minor: model.bigNumber().default(0),
    exempt_minor: model.bigNumber().default(0),
    out_of_scope_minor: model.bigNumber().default(0),
    vat_aed_minor: model.bigNumber(),
    total_aed_minor: model.bigNumber(),
    lines: model.hasMany(() => TaxInvoiceLine, { mappedBy: "invoice" }),
  })
  .indexes([
    { on: ["number"], unique: true },
    { on: ["order_id", "supplier_id"], unique: true },
    { on: ["supplier_id", "issued_at"] },
  ])
  .cascades({ delete: ["lines"] })
