import { model } from "@medusajs/framework/utils"

/**
 * Every refresh token a session ever issued, by SHA-256 hash (never the token itself). The current
 * one has `replaced_at` null; presenting a replaced one again is reuse and revokes the session.
 */
export const AuthRefreshToken = model
  .define("auth_refresh_token", {
    id: model.id({ prefix: "rtok" }).primaryKey(),
    session_id: model.text(),
    token_hash: model.text(),
    replaced_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["token_hash"], unique: true }, { on: ["session_id"] }])
