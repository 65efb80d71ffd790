import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sessionSettings } from "../../lib/sessions/tokens"
import { sessionAccessToken, verifyAccessToken } from "./access-token"
import { sessions } from "./state"
import { requestEmailVerification } from "../email-verification/handlers"

// POST /auth/<actor>/<provider>, …/register and the OAuth …/callback answer { token } (Medusa's routes).
const SIGN_IN = /^\/auth\/([^/]+)\/([^/]+)(\/register|\/callback)?\/?$/
const VERIFIED_ACTORS = new Set(["customer", "merchant"])
const NOT_ACTORS = new Set(["token", "session", "verification", "mfa", "verify-email"])

export function clientIp(req: MedusaRequest): string | null {
  return (req.ip ?? "").slice(0, 100) || null
}

/**
 * Wraps Medusa's own sign-in and registration routes (they keep working for js-sdk and the admin):
 * when one answers a token, a session is opened and the answer becomes
 * `{ token (15-min JWT carrying sid), refresh_token, session_id, expires_in }` plus whatever Medusa
 * said (`mfa_required`, …).
 */
export function issueSessionTokens(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const m = SIGN_IN.exec(req.baseUrl + req.path)
  const isCallback = m?.[3] === "/callback"
  if (!m || NOT_ACTORS.has(m[1]) || !(req.method === "POST" || (isCallback && req.method === "GET"))) return next()
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode >= 300 || !body || typeof body.token !== "string") return json(body)
    openSessionFor(req, body.token).then(
      (issued) => json({ ...body, ...issued }),
      (e) => {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Opening a session failed: ${(e as Error)?.stack ?? e}`)
        res.status(503)
        json({ type: "unexpected_state", code: "SESSION_UNAVAILABLE", message: "The session store could not be reached; nothing was signed in. Retry." })
      }
    )
    return res
  }) as any
  next()
}

async function openSessionFor(req: MedusaRequest, medusaToken: string) {
  const claims = verifyAccessToken(req, medusaToken)
  if (!claims) throw new Error("Medusa issued a token that does not verify")
  const { session, refresh_token } = await sessions(req).openSession({
    actor_type: claims.actor_type,
    actor_id: claims.actor_id || null,
    auth_identity_id: claims.auth_identity_id,
    auth_provider: claims.auth_provider ?? null,
    user_agent: req.get("user-agent") ?? null,
    ip: clientIp(req),
    ttl_ms: sessionSettings().sessionTtlMs,
  })
  const access = sessionAccessToken(req, medusaToken, session.id)
  // A new customer or merchant account gets its verification e-mail right away.
  if (/\/register\/?$/.test(req.path) && VERIFIED_ACTORS.has(claims.actor_type)) {
    await requestEmailVerification(req, claims.auth_identity_id, claims.actor_type)
  }
  return { token: access.token, refresh_token, session_id: session.id, expires_in: access.expires_in }
}
