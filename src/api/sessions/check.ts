import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bearerToken, verifyAccessToken } from "./access-token"
import { sessionState, type SessionState } from "./state"

const SESSION_ACTORS = new Set(["customer", "user", "merchant"])
type Refusal = "SESSION_REVOKED" | "SESSION_EXPIRED" | "SESSION_REQUIRED"

const MESSAGES: Record<Refusal, string> = {
  SESSION_REVOKED: "This session was signed out. Sign in again.",
  SESSION_EXPIRED: "This session has expired. Sign in again.",
  SESSION_REQUIRED: "This sign-in has no session (it predates session tracking). Sign in again.",
}

async function refusalFor(req: MedusaRequest, ctx: any): Promise<Refusal | null> {
  if (!ctx || !SESSION_ACTORS.has(ctx.actor_type) || ctx.purpose === "reset") return null
  if (!ctx.sid) return "SESSION_REQUIRED"
  const state: SessionState = await sessionState(req, ctx.sid)
  return state === "active" ? null : state === "expired" ? "SESSION_EXPIRED" : "SESSION_REVOKED"
}

/**
 * In front of every API prefix: a bearer token or session cookie of a customer, admin user or
 * merchant must belong to a live session. Invalid or expired JWTs are left to Medusa's own
 * authentication; password-reset tokens (`purpose: "reset"`, single-use by Medusa) pass.
 * - /admin, /merchant, POST /auth/session: 401 with SESSION_REVOKED / SESSION_EXPIRED / SESSION_REQUIRED.
 * - /store (where most routes also serve guests): the dead credentials are dropped, so the request
 *   goes on as a guest's (a route that needs a customer answers 401) with `X-Session-State` telling why.
 * - Sign-in routes are never refused: a client holding a dead token must still be able to sign in.
 */
export async function checkSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const path = req.baseUrl + req.path
    if (req.method === "OPTIONS") return next()
    if (path.startsWith("/auth") && !(req.method === "POST" && /^\/auth\/session\/?$/.test(path))) return next()
    const token = bearerToken(req)
    const claims = token ? verifyAccessToken(req, token) : null
    const session = (req as any).session
    const refusal = (await refusalFor(req, claims)) ?? (await refusalFor(req, session?.auth_context))
    if (!refusal) return next()
    if (session?.auth_context && (await refusalFor(req, session.auth_context))) delete session.auth_context
    if (path.startsWith("/store")) {
      if (claims && (await refusalFor(req, claims))) delete req.headers.authorization
      delete (req as any).auth_context
      res.setHeader("X-Session-State", refusal)
      return next()
    }
    res.status(401).json({ type: "unauthorized", code: refusal, message: MESSAGES[refusal] })
  } catch (e) {
    next(e)
  }
}
