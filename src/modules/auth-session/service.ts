import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { hashRefreshToken, newRefreshToken, newVerificationToken } from "../../lib/sessions/tokens"
import { AuthRefreshToken } from "./models/refresh-token"
import { AuthSession } from "./models/auth-session"
import { EmailVerification } from "./models/email-verification"

export type SessionRow = {
  id: string
  actor_type: string
  actor_id: string | null
  auth_identity_id: string
  auth_provider: string | null
  user_agent: string | null
  ip: string | null
  created_at: Date
  last_used_at: Date
  expires_at: Date
  revoked_at: Date | null
  revoked_reason: string | null
}

export type OpenSessionInput = {
  actor_type: string
  actor_id?: string | null
  auth_identity_id: string
  auth_provider?: string | null
  user_agent?: string | null
  ip?: string | null
  ttl_ms: number
}

export type RotateResult =
  | { outcome: "rotated"; session: SessionRow; refresh_token: string }
  /** Not a token we ever issued (or its session was purged). */
  | { outcome: "unknown" }
  /** A token that was already exchanged: the whole family is revoked now. */
  | { outcome: "reused"; session_id: string }
  /** The session ended (revoked or expired); the token is worthless. */
  | { outcome: "inactive"; session: SessionRow }

const COLUMNS = `"id", "actor_type", "actor_id", "auth_identity_id", "auth_provider", "user_agent", "ip", "created_at", "last_used_at", "expires_at", "revoked_at", "revoked_reason"`

export default class AuthSessionModuleService extends MedusaService({ AuthSession, AuthRefreshToken, EmailVerification }) {
  /** A new session (family) with its first refresh token. */
  @InjectManager()
  async openSession(input: OpenSessionInput, @MedusaContext() sharedContext: Context = {}) {
    const em = sharedContext.manager as any
    const id = generateEntityId(undefined, "sess")
    const [session]: SessionRow[] = await em.execute(
      `INSERT INTO "auth_session" ("id", "actor_type", "actor_id", "auth_identity_id", "auth_provider", "user_agent", "ip", "last_used_at", "expires_at")
       VALUES (?, ?, ?, ?, ?, ?, ?, now(), now() + (? * interval '1 millisecond')) RETURNING ${COLUMNS}`,
      [id, input.actor_type, input.actor_id || null, input.auth_identity_id, input.auth_provider ?? null,
        input.user_agent?.slice(0, 300) || null, input.ip?.slice(0, 100) || null, input.ttl_ms]
    )
    const refresh_token = await this.issueRefreshToken(em, id)
    return { session, refresh_token }
  }

  /**
   * Exchanges a refresh token for the next one of its family. The exchange is a compare-and-set on
   * `replaced_at IS NULL`: of two requests presenting the same token, one wins and the other is a
   * reuse — a stolen token replayed after (or while) its owner refreshed ends the session for both.
   */
  @InjectManager()
  async rotate(refreshToken: string, @MedusaContext() sharedContext: Context = {}): Promise<RotateResult> {
    const em = sharedContext.manager as any
    const hash = hashRefreshToken(refreshToken)
    const [token]: { id: string; session_id: string; replaced_at: Date | null }[] = await em.execute(
      `SELECT "id", "session_id", "replaced_at" FROM "auth_refresh_token" WHERE "token_hash" = ? AND "deleted_at" IS NULL`,
      [hash]
    )
    if (!token) return { outcome: "unknown" }
    const session = await this.sessionRow(em, token.session_id)
    if (!session) return { outcome: "unknown" }
    if (session.revoked_at || new Date(session.expires_at) <= new Date()) return { outcome: "inactive", session }
    if (token.replaced_at) {
      await this.revokeWhere(em, `"id" = ?`, [session.id], "REFRESH_TOKEN_REUSED")
      return { outcome: "reused", session_id: session.id }
    }
    const won: unknown[] = await em.execute(
      `UPDATE "auth_refresh_token" SET "replaced_at" = now(), "updated_at" = now() WHERE "id" = ? AND "replaced_at" IS NULL RETURNING "id"`,
      [token.id]
    )
    if (!won.length) {
      await this.revokeWhere(em, `"id" = ?`, [session.id], "REFRESH_TOKEN_REUSED")
      return { outcome: "reused", session_id: session.id }
    }
    const refresh_token = await this.issueRefreshToken(em, session.id)
    await em.execute(`UPDATE "auth_session" SET "last_used_at" = now(), "updated_at" = now() WHERE "id" = ?`, [session.id])
    return { outcome: "rotated", session, refresh_token }
  }

  /** The session behind an access token's `sid`, or null. */
  @InjectManager()
  async findSession(id: string, @MedusaContext() sharedContext: Context = {}): Promise<SessionRow | null> {
    return this.sessionRow(sharedContext.manager as any, id)
  }

  /** Sessions of one person (auth identity + actor type), newest first; revoked ones only when asked. */
  @InjectManager()
  async listForIdentity(
    auth_identity_id: string, actor_type: string, includeEnded = false, @MedusaContext() sharedContext: Context = {}
  ): Promise<SessionRow[]> {
    const em = sharedContext.manager as any
    const active = includeEnded ? "" : `AND "revoked_at" IS NULL AND "expires_at" > now()`
    return em.execute(
      `SELECT ${COLUMNS} FROM "auth_session" WHERE "auth_identity_id" = ? AND "actor_type" = ? AND "deleted_at" IS NULL ${active}
        ORDER BY "last_used_at" DESC LIMIT 200`,
      [auth_identity_id, actor_type]
    )
  }

  /** Revokes the given sessions if they belong to that person; returns the ids it revoked. */
  @InjectManager()
  async revokeOwn(
    ids: string[], auth_identity_id: string, actor_type: string, reason: string, @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!ids.length) return []
    return this.revokeWhere(sharedContext.manager as any, `"id" IN (?) AND "auth_identity_id" = ? AND "actor_type" = ?`,
      [ids, auth_identity_id, actor_type], reason)
  }

  /** Every live session of a person (optionally all actor types of that identity), e.g. after a password reset. */
  @InjectManager()
  async revokeAllFor(
    auth_identity_id: string, actor_type: string | null, reason: string, @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const em = sharedContext.manager as any
    return actor_type
      ? this.revokeWhere(em, `"auth_identity_id" = ? AND "actor_type" = ?`, [auth_identity_id, actor_type], reason)
      : this.revokeWhere(em, `"auth_identity_id" = ?`, [auth_identity_id], reason)
  }

  /**
   * GDPR erasure: the person's devices (user agent, IP) leave their sessions and their e-mail
   * verifications (which hold the address) are deleted. Sessions stay as revoked rows without either.
   */
  @InjectManager()
  async forgetIdentity(auth_identity_id: string, actor_type: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const em = sharedContext.manager as any
    await em.execute(
      `UPDATE "auth_session" SET "user_agent" = NULL, "ip" = NULL, "updated_at" = now() WHERE "auth_identity_id" = ? AND "actor_type" = ?`,
      [auth_identity_id, actor_type]
    )
    await em.execute(`DELETE FROM "email_verification" WHERE "auth_identity_id" = ? AND "actor_type" = ?`, [auth_identity_id, actor_type])
  }

  /** Records use, at most once a minute per session (the check path calls it on every request). */
  @InjectManager()
  async touch(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as any).execute(
      `UPDATE "auth_session" SET "last_used_at" = now() WHERE "id" = ? AND "last_used_at" < now() - interval '1 minute'`, [id]
    )
  }

  /**
   * A fresh verification token for the address (earlier unused ones of the same identity stop working,
   * so only the newest e-mail's link verifies). Returns the token, for the event only.
   */
  @InjectManager()
  async requestEmailVerification(
    input: { auth_identity_id: string; actor_type: string; email: string; ttl_ms: number }, @MedusaContext() sharedContext: Context = {}
  ): Promise<{ token: string; expires_at: Date }> {
    const em = sharedContext.manager as any
    await em.execute(
      `UPDATE "email_verification" SET "used_at" = now(), "updated_at" = now()
        WHERE "auth_identity_id" = ? AND "actor_type" = ? AND "used_at" IS NULL`, [input.auth_identity_id, input.actor_type]
    )
    const token = newVerificationToken()
    const [row] = await em.execute(
      `INSERT INTO "email_verification" ("id", "auth_identity_id", "actor_type", "email", "token_hash", "expires_at")
       VALUES (?, ?, ?, ?, ?, now() + (? * interval '1 millisecond')) RETURNING "expires_at"`,
      [generateEntityId(undefined, "emv"), input.auth_identity_id, input.actor_type, input.email.toLowerCase(), hashRefreshToken(token), input.ttl_ms]
    )
    return { token, expires_at: row.expires_at }
  }

  /** Spends a verification token (compare-and-set on used_at: a link works once). */
  @InjectManager()
  async confirmEmailVerification(token: string, @MedusaContext() sharedContext: Context = {}): Promise<
    | { outcome: "verified"; auth_identity_id: string; actor_type: string; email: string }
    | { outcome: "invalid" | "expired" }
  > {
    const em = sharedContext.manager as any
    const [row] = await em.execute(
      `SELECT "id", "auth_identity_id", "actor_type", "email", "expires_at" <= now() AS "expired", "used_at"
         FROM "email_verification" WHERE "token_hash" = ? AND "deleted_at" IS NULL`, [hashRefreshToken(token)]
    )
    if (!row || row.used_at) return { outcome: "invalid" }
    if (row.expired) return { outcome: "expired" }
    const won = await em.execute(
      `UPDATE "email_verification" SET "used_at" = now(), "verified_at" = now(), "updated_at" = now()
        WHERE "id" = ? AND "used_at" IS NULL RETURNING "id"`, [row.id]
    )
    if (!won.length) return { outcome: "invalid" }
    return { outcome: "verified", auth_identity_id: row.auth_identity_id, actor_type: row.actor_type, email: row.email }
  }

  /** When (if ever) this identity confirmed this address. */
  @InjectManager()
  async emailVerifiedAt(
    auth_identity_id: string, actor_type: string, email: string, @MedusaContext() sharedContext: Context = {}
  ): Promise<Date | null> {
    const [row] = await (sharedContext.manager as any).execute(
      `SELECT max("verified_at") AS "verified_at" FROM "email_verification"
        WHERE "auth_identity_id" = ? AND "actor_type" = ? AND "email" = ? AND "verified_at" IS NOT NULL AND "deleted_at" IS NULL`,
      [auth_identity_id, actor_type, email.toLowerCase()]
    )
    return row?.verified_at ?? null
  }

  private async issueRefreshToken(em: any, sessionId: string): Promise<string> {
    const token = newRefreshToken()
    await em.execute(
      `INSERT INTO "auth_refresh_token" ("id", "session_id", "token_hash") VALUES (?, ?, ?)`,
      [generateEntityId(undefined, "rtok"), sessionId, hashRefreshToken(token)]
    )
    return token
  }

  private async sessionRow(em: any, id: string): Promise<SessionRow | null> {
    const [row] = await em.execute(`SELECT ${COLUMNS} FROM "auth_session" WHERE "id" = ? AND "deleted_at" IS NULL`, [id])
    return row ?? null
  }

  private async revokeWhere(em: any, where: string, params: unknown[], reason: string): Promise<string[]> {
    const rows: { id: string }[] = await em.execute(
      `UPDATE "auth_session" SET "revoked_at" = now(), "revoked_reason" = ?, "updated_at" = now()
        WHERE ${where} AND "revoked_at" IS NULL AND "deleted_at" IS NULL RETURNING "id"`,
      [reason, ...params]
    )
    return rows.map((r) => r.id)
  }
}
