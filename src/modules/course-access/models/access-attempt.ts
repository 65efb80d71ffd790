import { model } from "@medusajs/framework/utils"

/** A refused asset request (tampered, expired, revoked, another buyer's…), kept for audit. */
export const AccessAttempt = model
  .define("course_access_attempt", {
    id: model.id({ prefix: "catt" }).primaryKey(),
    grant_id: model.text().nullable(),
    asset: model.text().nullable(),
    code: model.text(),
    customer_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
  })
  .indexes([{ on: ["grant_id"] }, { on: ["code"] }])
