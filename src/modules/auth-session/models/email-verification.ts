import { model } from "@medusajs/framework/utils"

/**
 * An e-mail verification: a single-use token (stored as SHA-256) sent to `email` for one identity and
 * actor type; `verified_at` on the row that was confirmed is the address's verified state.
 */
export const EmailVerification = model
  .define("email_verification", {
    id: model.id({ prefix: "emv" }).primaryKey(),
    auth_identity_id: model.text(),
    actor_type: model.text(),
    email: model.text(),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
    verified_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["token_hash"], unique: true }, { on: ["auth_identity_id", "actor_type"] }])
