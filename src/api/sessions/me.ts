import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"
import { revokeEverySession, revokeSessions } from "./revoke"
import { sessions } from "./state"

/**
 * The signed-in person's own sessions, mounted for each actor:
 *   GET    /store/customers/me/sessions | /merchant/me/sessions | /admin/users/me/sessions
 *   DELETE …/sessions                 sign out everywhere (?keep_current=true keeps this one)
 *   DELETE …/sessions/:id             revoke one; `current` names the caller's own session (logout)
 */
function who(req: AuthenticatedMedusaRequest) {
  const ctx = req.auth_context as any
  if (!ctx?.auth_identity_id || !ctx.sid) throw new SnailError(401, "SESSION_REQUIRED", "Sign in with a session to manage sessions.")
  return { identity: ctx.auth_identity_id as string, actor: ctx.actor_type as string, sid: ctx.sid as string }
}

export async function listMySessions(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const me = who(req)
  const rows = await sessions(req).listForIdentity(me.identity, me.actor, false)
  res.json({
    sessions: rows.map((s) => ({
      id: s.id,
      current: s.id === me.sid,
      user_agent: s.user_agent,
      ip: s.ip,
      created_at: s.created_at,
      last_used_at: s.last_used_at,
      expires_at: s.expires_at,
    })),
  })
}

export async function revokeMySession(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const me = who(req)
  const id = req.params.id === "current" ? me.sid : req.params.id
  const [revoked] = await revokeSessions(req, [id], me.identity, me.actor, id === me.sid ? "LOGOUT" : "REVOKED_BY_USER")
  if (!revoked) throw new SnailError(404, "SESSION_NOT_FOUND", "No such live session of yours.")
  res.json({ id: revoked, object: "session", revoked: true })
}

export async function revokeAllMySessions(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const me = who(req)
  const keep = String(req.query.keep_current ?? "") === "true" ? me.sid : undefined
  const ids = await revokeEverySession(req, me.identity, me.actor, "SIGN_OUT_EVERYWHERE", keep)
  res.json({ revoked: ids.length, ids })
}
