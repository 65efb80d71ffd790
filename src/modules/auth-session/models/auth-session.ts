import { model } from "@medusajs/framework/utils"

/**
 * One signed-in session (a refresh-token family): who, from which device, since when, last seen.
 * Its id is the `sid` claim of every access token it issues, so revoking the row ends them all.
 */
export const AuthSession = model
  .define("auth_session", {
    id: model.id({ prefix: "sess" }).primaryKey(),
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    auth_identity_id: model.text(),
    auth_provider: model.text().nullable(),
    user_agent: model.text().nullable(),
    ip: model.text().nullable(),
    last_used_at: model.dateTime(),
    expires_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    /** LOGOUT, SIGN_OUT_EVERYWHERE, REVOKED_BY_USER, REFRESH_TOKEN_REUSED, PASSWORD_CHANGED, ADMIN. */
    revoked_reason: model.text().nullable(),
  })
  .indexes([{ on: ["auth_identity_id", "actor_type"] }])
