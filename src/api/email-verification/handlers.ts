import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { AUTH_SESSION_MODULE } from "../../modules/auth-session"
import type AuthSessionModuleService from "../../modules/auth-session/service"
import { SNAIL_EVENTS } from "../../lib/events"
import { emailVerificationTtlMs } from "../../lib/sessions/tokens"
import { SnailError } from "../../lib/snail-error"
import { sessions } from "../sessions/state"

/** The address the identity signs in with (its emailpass identity), or null for other providers. */
async function signInEmail(req: MedusaRequest, authIdentityId: string): Promise<string | null> {
  const auth = req.scope.resolve(Modules.AUTH)
  const [identity] = await auth.listProviderIdentities({ auth_identity_id: authIdentityId, provider: "emailpass" } as any)
  return identity?.entity_id?.toLowerCase() ?? null
}

/**
 * Creates a token and emits auth.email_verification_requested `{ actor_type, email, token }`; the
 * notifications module e-mails the link. Also called right after a customer or merchant registers.
 */
export async function requestEmailVerification(req: MedusaRequest, authIdentityId: string, actorType: string) {
  const email = await signInEmail(req, authIdentityId)
  if (!email) return null
  return issueEmailVerification(req.scope, authIdentityId, actorType, email)
}

/** A new verification token (the previous one stops working) and its event; also a notification Resend's re-issue. */
export async function issueEmailVerification(scope: MedusaContainer, authIdentityId: string, actorType: string, email: string) {
  const { token, expires_at } = await scope.resolve<AuthSessionModuleService>(AUTH_SESSION_MODULE).requestEmailVerification({
    auth_identity_id: authIdentityId, actor_type: actorType, email, ttl_ms: emailVerificationTtlMs(),
  })
  await scope.resolve(Modules.EVENT_BUS).emit({
    name: SNAIL_EVENTS.EMAIL_VERIFICATION_REQUESTED,
    data: { actor_type: actorType, email, token },
  })
  return { email, expires_at }
}

function me(req: AuthenticatedMedusaRequest) {
  const ctx = req.auth_context as any
  if (!ctx?.auth_identity_id) throw new SnailError(401, "UNAUTHORIZED", "Sign in first.")
  return { identity: ctx.auth_identity_id as string, actor: ctx.actor_type as string }
}

/** GET …/me/email-verification → { email, email_verified, verified_at }. */
export async function emailVerificationStatus(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { identity, actor } = me(req)
  const email = await signInEmail(req, identity)
  const verifiedAt = email ? await sessions(req).emailVerifiedAt(identity, actor, email) : null
  res.json({ email, email_verified: !!verifiedAt, verified_at: verifiedAt })
}

/** POST …/me/email-verification → a new link is e-mailed (202); 409 EMAIL_ALREADY_VERIFIED when done. */
export async function resendEmailVerification(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { identity, actor } = me(req)
  const email = await signInEmail(req, identity)
  if (!email) throw new SnailError(422, "NOT_ALLOWED", "This sign-in has no e-mail address to verify.")
  if (await sessions(req).emailVerifiedAt(identity, actor, email)) {
    throw new SnailError(409, "EMAIL_ALREADY_VERIFIED", "Your e-mail address is already verified.")
  }
  const sent = await requestEmailVerification(req, identity, actor)
  res.status(202).json({ email, requested: true, expires_at: sent?.expires_at })
}

/** POST /auth/verify-email { token } — the link's target; no sign-in needed (the token is the proof). */
export async function confirmEmailVerification(req: MedusaRequest, res: MedusaResponse) {
  const token = (req.body as any)?.token
  if (typeof token !== "string" || !/^ev_[A-Za-z0-9_-]{43}$/.test(token)) {
    throw new SnailError(400, "EMAIL_VERIFICATION_INVALID", "This verification link is not valid.", "token")
  }
  const result = await sessions(req).confirmEmailVerification(token)
  if (result.outcome === "invalid") {
    throw new SnailError(400, "EMAIL_VERIFICATION_INVALID", "This verification link is not valid or was already used.", "token")
  }
  if (result.outcome !== "verified") throw new SnailError(422, "EMAIL_VERIFICATION_EXPIRED", "This verification link has expired. Ask for a new one.", "token")
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: SNAIL_EVENTS.EMAIL_VERIFIED,
    data: { actor_type: result.actor_type, email: result.email, auth_identity_id: result.auth_identity_id },
  })
  res.json({ email: result.email, actor_type: result.actor_type, email_verified: true })
}
