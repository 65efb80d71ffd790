import { model } from "@medusajs/framework/utils"

// One counter per supplier and series (INV, CN), bumped under SELECT … FOR UPDATE in the issuing transaction.
export const VatDocumentSequence = model
  .define("vat_document_sequence", {
    id: model.id({ prefix: "vatseq" }).primaryKey(),
    supplier_id: model.text(),
    series: model.text(),
    last_value: model.number().default(0),
  })
  .indexes([{ on: ["supplier_id", "series"], unique: true }])
