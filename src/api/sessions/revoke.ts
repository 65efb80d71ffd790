import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SNAIL_EVENTS } from "../../lib/events"
import { bearerToken, verifyAccessToken } from "./access-token"
import { publishRevoked, sessions } from "./state"

/** Emits auth.sessions_revoked (a notification may tell the person, e.g. on REFRESH_TOKEN_REUSED). */
export async function announceRevoked(req: MedusaRequest, ids: string[], auth_identity_id: string, actor_type: string | null, reason: string) {
  if (!ids.length) return
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: SNAIL_EVENTS.SESSIONS_REVOKED,
    data: { session_ids: ids, auth_identity_id, actor_type, reason },
  })
}

/** Revokes sessions in the database, the cache and Redis, and announces it. */
export async function revokeSessions(
  req: MedusaRequest, ids: string[], auth_identity_id: string, actor_type: string, reason: string
): Promise<string[]> {
  const revoked = await sessions(req).revokeOwn(ids, auth_identity_id, actor_type, reason)
  await publishRevoked(req, revoked)
  await announceRevoked(req, revoked, auth_identity_id, actor_type, reason)
  return revoked
}

export async function revokeEverySession(req: MedusaRequest, auth_identity_id: string, actor_type: string | null, reason: string, keep?: string) {
  let revoked: string[]
  if (actor_type) {
    const live = await sessions(req).listForIdentity(auth_identity_id, actor_type, false)
    revoked = await sessions(req).revokeOwn(live.map((s) => s.id).filter((id) => id !== keep), auth_identity_id, actor_type, reason)
  } else {
    revoked = await sessions(req).revokeAllFor(auth_identity_id, null, reason)
  }
  await publishRevoked(req, revoked)
  await announceRevoked(req, revoked, auth_identity_id, actor_type, reason)
  return revoked
}

/**
 * DELETE /auth/session (Medusa's sign-out, used by the admin and js-sdk session clients) also ends
 * our session behind the cookie, and behind a bearer token sent with it, so neither works again.
 * A bearer-only client has no cookie for Medusa to destroy: it gets { success: true } here.
 */
export async function revokeOnSignOut(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    if (req.method !== "DELETE") return next()
    const cookie = (req as any).session?.auth_context
    const token = bearerToken(req)
    const claims = token ? verifyAccessToken(req, token) : null
    for (const ctx of [cookie, claims]) {
      if (ctx?.sid && ctx.auth_identity_id) await revokeSessions(req, [ctx.sid], ctx.auth_identity_id, ctx.actor_type, "LOGOUT")
    }
    if (!cookie && claims?.sid) return res.json({ success: true })
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * A password set through Medusa's reset flow (POST /auth/<actor>/<provider>/update with the emailed
 * single-use token) signs the person out everywhere: whoever knew the old password loses access.
 */
export function revokeAfterPasswordReset(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST" || !/^\/auth\/[^/]+\/[^/]+\/update\/?$/.test(req.baseUrl + req.path)) return next()
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const identity = (req as any).auth_context?.auth_identity_id
    if (res.statusCode >= 300 || !body?.success || !identity) return json(body)
    revokeEverySession(req, identity, null, "PASSWORD_CHANGED").then(() => json(body), () => json(body))
    return res
  }) as any
  next()
}
