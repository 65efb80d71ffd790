import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenForAuthIdentity } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import { SnailError } from "../../lib/snail-error"
import { sessionAccessToken } from "./access-token"
import { publishRevoked, sessions } from "./state"
import { announceRevoked, revokeEverySession } from "./revoke"

/**
 * POST /auth/token/refresh { refresh_token } rotates through the session's family: the presented
 * refresh token is spent, a new one and a new 15-min access token come back. A spent token presented
 * again revokes the whole family and every other session of that person (401 REFRESH_TOKEN_REUSED). Medusa's own refresh (an access token
 * alone buys a new one, which would make access tokens live forever) is refused: 400
 * REFRESH_TOKEN_REQUIRED. Registered without `methods`, so it answers before Medusa's route.
 */
export async function rotateRefreshToken(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    if (req.method !== "POST") return next()
    const presented = (req.body as any)?.refresh_token
    if (typeof presented !== "string" || !presented) {
      throw new SnailError(400, "REFRESH_TOKEN_REQUIRED", "Send the refresh token from sign-in as { refresh_token }: an access token alone cannot be refreshed", "refresh_token")
    }
    const result = await sessions(req).rotate(presented)
    if (result.outcome === "unknown") throw new SnailError(401, "INVALID_REFRESH_TOKEN", "This refresh token is unknown. Sign in again.")
    if (result.outcome === "reused") {
      // The family is revoked by rotate(); a stolen token means the person's other sessions are suspect too.
      await publishRevoked(req, [result.session_id])
      const row = await sessions(req).findSession(result.session_id)
      if (row) {
        await announceRevoked(req, [row.id], row.auth_identity_id, row.actor_type, "REFRESH_TOKEN_REUSED")
        await revokeEverySession(req, row.auth_identity_id, row.actor_type, "REFRESH_TOKEN_REUSED")
      }
      throw new SnailError(401, "REFRESH_TOKEN_REUSED", "This refresh token was already used, so the session was signed out everywhere it was in use. Sign in again.")
    }
    if (result.outcome === "inactive") {
      const expired = !result.session.revoked_at
      throw new SnailError(401, expired ? "SESSION_EXPIRED" : "SESSION_REVOKED", expired ? "This session has expired. Sign in again." : "This session was signed out. Sign in again.")
    }
    const { session, refresh_token } = result
    const auth = req.scope.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(session.auth_identity_id, { relations: ["provider_identities"] }).catch(() => null)
    if (!identity) {
      await sessions(req).revokeAllFor(session.auth_identity_id, null, "IDENTITY_DELETED")
      throw new SnailError(401, "SESSION_REVOKED", "The account behind this session no longer exists.")
    }
    const { http } = (req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any).projectConfig
    // Medusa's own token for the identity as it is now (an actor created after registration is in it).
    const medusaToken = await generateJwtTokenForAuthIdentity(
      { authIdentity: identity as any, actorType: session.actor_type, authProvider: session.auth_provider ?? undefined, container: req.scope } as any,
      { secret: http.jwtSecret, expiresIn: http.jwtExpiresIn ?? "15m", options: http.jwtOptions } as any
    )
    const access = sessionAccessToken(req, medusaToken, session.id)
    res.json({ token: access.token, refresh_token, session_id: session.id, expires_in: access.expires_in })
  } catch (e) {
    next(e)
  }
}
