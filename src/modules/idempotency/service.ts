import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { IdempotencyKey } from "./models/idempotency-key"

/** Keys live 24 h; after that the same key is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000
/**
 * A claim not renewed for this long is presumed dead (crashed process) and may be taken over. The
 * request holding it renews it every IDEMPOTENCY_HEARTBEAT_MS while it runs, so a slow request
 * keeps its key and a dead one frees it within seconds.
 */
export const IDEMPOTENCY_LOCK_TIMEOUT_MS = Number(process.env.IDEMPOTENCY_LEASE_MS) || 15_000
export const IDEMPOTENCY_HEARTBEAT_MS = Math.max(500, Math.floor(IDEMPOTENCY_LOCK_TIMEOUT_MS / 3))

export type StoredResponse = { status: number; body: unknown }

export type ClaimResult =
  /** This caller owns the key and must run the request, then complete() or release() it. */
  | { outcome: "claimed"; id: string }
  /** The first request finished: answer with its stored response. */
  | { outcome: "completed"; response: StoredResponse }
  /** Another request holds the key right now. */
  | { outcome: "in_progress" }
  /** The key was used for a different request (method, path or body). */
  | { outcome: "mismatch" }

type ClaimInput = { key: string; scope: string; request_hash: string; ttl_ms?: number; lock_timeout_ms?: number }

export default class IdempotencyModuleService extends MedusaService({ IdempotencyKey }) {
  /**
   * Atomically claims (key, scope). Expired rows are dropped first so the key counts as new; then an
   * INSERT … ON CONFLICT DO NOTHING relies on the unique index: of concurrent callers exactly one gets
   * the row back. Losers read the existing row and learn whether it matches, is done, or is running.
   */
  @InjectManager()
  async claim(input: ClaimInput, @MedusaContext() sharedContext: Context = {}): Promise<ClaimResult> {
    const em = sharedContext.manager as any
    const ttl = input.ttl_ms ?? IDEMPOTENCY_KEY_TTL_MS
    const lockTimeout = input.lock_timeout_ms ?? IDEMPOTENCY_LOCK_TIMEOUT_MS

    await em.execute(`DELETE FROM "idempotency_key" WHERE "key" = ? AND "scope" = ? AND "expires_at" <= now()`, [input.key, input.scope])

    const inserted: { id: string }[] = await em.execute(
      `INSERT INTO "idempotency_key" ("id", "key", "scope", "request_hash", "status", "locked_at", "expires_at", "created_at", "updated_at")
       VALUES (?, ?, ?, ?, 'IN_PROGRESS', now(), now() + (? * interval '1 millisecond'), now(), now())
       ON CONFLICT DO NOTHING
       RETURNING "id"`,
      [generateEntityId(undefined, "idem"), input.key, input.scope, input.request_hash, ttl]
    )
    if (inserted.length) return { outcome: "claimed", id: inserted[0].id }

    const [row]: any[] = await em.execute(
      `SELECT "id", "request_hash", "status", "response_status", "response_body",
              ("locked_at" < now() - (? * interval '1 millisecond')) AS "stale"
         FROM "idempotency_key" WHERE "key" = ? AND "scope" = ? AND "deleted_at" IS NULL`,
      [lockTimeout, input.key, input.scope]
    )
    // Released (5xx) or expired between our INSERT and SELECT: the caller simply tries again.
    if (!row) return { outcome: "in_progress" }
    if (row.request_hash !== input.request_hash) return { outcome: "mismatch" }
    if (row.status === "COMPLETED") {
      return { outcome: "completed", response: { status: Number(row.response_status), body: parseJson(row.response_body) } }
    }
    if (row.stale) {
      // Take over a claim whose owner died; the conditional UPDATE lets only one taker win.
      const taken: { id: string }[] = await em.execute(
        `UPDATE "idempotency_key" SET "locked_at" = now(), "updated_at" = now()
          WHERE "id" = ? AND "status" = 'IN_PROGRESS' AND "locked_at" < now() - (? * interval '1 millisecond')
          RETURNING "id"`,
        [row.id, lockTimeout]
      )
      if (taken.length) return { outcome: "claimed", id: taken[0].id }
    }
    return { outcome: "in_progress" }
  }

  /** The running request is alive: its claim's lease starts again. */
  @InjectManager()
  async heartbeat(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const em = sharedContext.manager as any
    await em.execute(`UPDATE "idempotency_key" SET "locked_at" = now() WHERE "id" = ? AND "status" = 'IN_PROGRESS'`, [id])
  }

  /** Stores the first response; later requests with the key replay it. */
  @InjectManager()
  async complete(id: string, response: StoredResponse, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const em = sharedContext.manager as any
    await em.execute(
      `UPDATE "idempotency_key"
          SET "status" = 'COMPLETED', "response_status" = ?, "response_body" = ?::jsonb, "locked_at" = NULL, "updated_at" = now()
        WHERE "id" = ?`,
      [response.status, JSON.stringify(response.body ?? null), id]
    )
  }

  /** Frees the key (the first attempt failed with a server error) so a retry runs for real. */
  @InjectManager()
  async release(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const em = sharedContext.manager as any
    await em.execute(`DELETE FROM "idempotency_key" WHERE "id" = ? AND "status" = 'IN_PROGRESS'`, [id])
  }

  /** Deletes every key past its expiry; returns how many went. */
  @InjectManager()
  async deleteExpired(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const em = sharedContext.manager as any
    const rows: unknown[] = await em.execute(`DELETE FROM "idempotency_key" WHERE "expires_at" <= now() RETURNING "id"`)
    return rows.length
  }
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
