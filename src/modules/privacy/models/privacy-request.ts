import { model } from "@medusajs/framework/utils"

/**
 * A data-subject request (GDPR art. 15 export, art. 17 erasure) of one customer and where it stands.
 * Exports complete at once; an erasure waits for an operator (open orders, disputes, legal holds).
 */
export const PrivacyRequest = model
  .define("privacy_request", {
    id: model.id({ prefix: "prq" }).primaryKey(),
    customer_id: model.text(),
    kind: model.enum(["EXPORT", "ERASURE"]),
    status: model.enum(["REQUESTED", "COMPLETED"]).default("REQUESTED"),
    completed_at: model.dateTime().nullable(),
    completed_by: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["status"] }])
