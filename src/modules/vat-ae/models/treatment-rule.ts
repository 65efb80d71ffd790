import { model } from "@medusajs/framework/utils"
import { RULE_MATCH_TYPES, VAT_TREATMENTS } from "../../../lib/vat-ae"

// The admin-editable mapping from what a product is (category, type, kind) to its VAT treatment.
export const VatTreatmentRule = model
  .define("vat_treatment_rule", {
    id: model.id({ prefix: "vatrule" }).primaryKey(),
    match_type: model.enum([...RULE_MATCH_TYPES]),
    match_value: model.text(),
    treatment: model.enum([...VAT_TREATMENTS]),
    priority: model.number().default(0),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["match_type", "match_value"], unique: true, where: "deleted_at IS NULL" }])
