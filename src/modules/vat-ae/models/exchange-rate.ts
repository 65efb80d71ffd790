import { model } from "@medusajs/framework/utils"

// AED for one unit of a currency, as an exact decimal string; overrides the configured fixed table.
export const VatExchangeRate = model
  .define("vat_exchange_rate", {
    id: model.id({ prefix: "vatfx" }).primaryKey(),
    currency_code: model.text(),
    aed_per_unit: model.text(),
    source: model.text().default("admin"),
  })
  .indexes([{ on: ["currency_code"], unique: true, where: "deleted_at IS NULL" }])
