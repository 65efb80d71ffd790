import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import Redis from "ioredis"
import { sessionSettings } from "../../lib/sessions/tokens"
import { AUTH_SESSION_MODULE } from "../../modules/auth-session"
import type AuthSessionModuleService from "../../modules/auth-session/service"

/**
 * Whether a session is still live, asked on every authenticated request, so it must be cheap:
 * - a revoke is remembered in this process at once and, with REDIS_URL, published as a Redis key
 *   every instance reads (one GET), so a revoked token stops working on all instances immediately;
 * - a "live" answer from the database is reused for ACTIVE_CACHE_MS (5 s). Without Redis, another
 *   instance may therefore honour a revoked token for up to 5 s (one-instance deployments: never).
 */
const ACTIVE_CACHE_MS = 5_000
const MAX_ENTRIES = 20_000

export type SessionState = "active" | "revoked" | "expired" | "unknown"

const local = new Map<string, { state: SessionState; until: number }>()
let redis: Redis | null | undefined

function redisClient(): Redis | null {
  if (redis !== undefined) return redis
  redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }) : null
  redis?.on("error", () => undefined) // a Redis outage falls back to the database (see sessionState)
  return redis
}

function scope(req: MedusaRequest): string {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  const db = `${config?.projectConfig?.databaseUrl ?? ""}/${config?.projectConfig?.databaseName ?? ""}`
  return `${process.env.SESSION_REDIS_PREFIX || "snail:sess:"}${createHash("sha256").update(db).digest("hex").slice(0, 10)}:`
}

function remember(sid: string, state: SessionState, ms: number) {
  if (local.size > MAX_ENTRIES) local.clear()
  local.set(sid, { state, until: Date.now() + ms })
}

export function sessions(req: MedusaRequest): AuthSessionModuleService {
  return req.scope.resolve(AUTH_SESSION_MODULE)
}

export async function sessionState(req: MedusaRequest, sid: string): Promise<SessionState> {
  const cached = local.get(sid)
  if (cached && cached.state !== "active") return cached.state
  const r = redisClient()
  if (r) {
    try {
      if (await r.get(`${scope(req)}revoked:${sid}`)) {
        remember(sid, "revoked", sessionSettings().sessionTtlMs)
        return "revoked"
      }
    } catch {
      local.delete(sid) // Redis unreachable: ask the database below
    }
  }
  if (cached && cached.until > Date.now()) return "active"
  const row = await sessions(req).findSession(sid)
  const state: SessionState = !row ? "unknown" : row.revoked_at ? "revoked" : new Date(row.expires_at) <= new Date() ? "expired" : "active"
  remember(sid, state, state === "active" ? ACTIVE_CACHE_MS : sessionSettings().sessionTtlMs)
  if (state === "active") await sessions(req).touch(sid)
  return state
}

/** Tells this process and (with Redis) every other instance that these sessions are over. */
export async function publishRevoked(req: MedusaRequest, sids: string[]) {
  const ttl = sessionSettings().sessionTtlMs
  for (const sid of sids) remember(sid, "revoked", ttl)
  const r = redisClient()
  if (!r || !sids.length) return
  const prefix = scope(req)
  try {
    await Promise.all(sids.map((sid) => r.set(`${prefix}revoked:${sid}`, "1", "PX", ttl)))
  } catch {
    // The database row is revoked already; other instances see it when their 5 s cache lapses.
  }
}
