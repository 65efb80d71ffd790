import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import { SnailError } from "../../lib/snail-error"
import { IDEMPOTENCY_MODULE } from "../../modules/idempotency"
import type IdempotencyModuleService from "../../modules/idempotency/service"
import { IDEMPOTENCY_HEARTBEAT_MS } from "../../modules/idempotency/service"

export const IDEMPOTENCY_HEADERS = ["x-idempotency-key", "idempotency-key"] as const
export const REPLAYED_HEADER = "Idempotent-Replayed"
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

export type IdempotentOptions = {
  /** How long a request with a key that another request holds waits for that request to finish. */
  waitMs?: number
  /** Pause between two looks at a held key. */
  pollMs?: number
}

/**
 * `X-Idempotency-Key` (or `Idempotency-Key`) support for a POST route (README "Idempotency").
 * Without the header the request passes through untouched. With it:
 * - the key (1–255 chars) is claimed for (route, actor) by an INSERT on a unique index: one request runs;
 * - concurrent requests with the key wait for it and replay its answer with `Idempotent-Replayed: true`;
 * - a later request with the key replays the stored answer (2xx and 4xx; a 5xx frees the key instead);
 * - the key with another method, path or body → 422 IDEMPOTENCY_KEY_REUSED.
 */
export function idempotent(options: IdempotentOptions = {}) {
  const waitMs = options.waitMs ?? 60_000
  const pollMs = options.pollMs ?? 100

  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const key = idempotencyKeyOf(req)
      if (key === undefined) return next()

      const service = req.scope.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
      const scope = scopeOf(req)
      const request_hash = requestHash(req.method, pathOf(req), req.body)
      const deadline = Date.now() + waitMs

      for (;;) {
        const claim = await service.claim({ key, scope, request_hash })
        if (claim.outcome === "claimed") {
          captureResponse(req, res, service, claim.id)
          return next()
        }
        if (claim.outcome === "completed") {
          res.setHeader(REPLAYED_HEADER, "true")
          res.status(claim.response.status).json(claim.response.body)
          return
        }
        if (claim.outcome === "mismatch") {
          throw new SnailError(422, "IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different request.")
        }
        if (Date.now() >= deadline) {
          throw new SnailError(409, "IDEMPOTENCY_KEY_IN_PROGRESS", "A request with this idempotency key is still being processed; retry later.")
        }
        await sleep(pollMs + Math.floor(Math.random() * pollMs))
      }
    } catch (err) {
      next(err)
    }
  }
}

/** The key from either header; undefined when none is sent, 400 when it is empty, too long or ambiguous. */
export function idempotencyKeyOf(req: Pick<MedusaRequest, "headers">): string | undefined {
  const values = IDEMPOTENCY_HEADERS.map((h) => req.headers[h]).filter((v) => v !== undefined)
  if (!values.length) return undefined
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v as string]))
  const key = flat[0]
  if (new Set(flat).size > 1) {
    throw new SnailError(400, "INVALID_IDEMPOTENCY_KEY", "Conflicting idempotency keys were sent.")
  }
  if (typeof key !== "string" || key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new SnailError(400, "INVALID_IDEMPOTENCY_KEY", `The idempotency key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`)
  }
  return key
}

/** sha256 over method, path and the body as canonical JSON (keys sorted; no body = {}). */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? {})}`)
    .digest("hex")
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`
  if (value instanceof Date) return JSON.stringify(value)
  const entries = Object.keys(value)
    .filter((k) => (value as any)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`)
  return `{${entries.join(",")}}`
}

function pathOf(req: MedusaRequest): string {
  return (req.originalUrl ?? req.url).split("?")[0]
}

/** A key belongs to one route (with its ids, e.g. the cart) and one actor; guests share "guest". */
function scopeOf(req: MedusaRequest): string {
  const auth = (req as any).auth_context as { actor_type?: string; actor_id?: string } | undefined
  const actor = auth?.actor_id ? `${auth.actor_type ?? "actor"}:${auth.actor_id}` : "guest"
  return `${req.method.toUpperCase()} ${pathOf(req)} ${actor}`
}

/**
 * Wraps res.json so the first answer is stored before it is sent: < 500 → COMPLETED (replayed later),
 * ≥ 500 → the key is released so a retry runs again. An answer not sent through res.json releases
 * the key once it has been sent.
 */
function captureResponse(req: MedusaRequest, res: MedusaResponse, service: IdempotencyModuleService, id: string) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  let settled = false
  // The claim's lease is renewed while this request runs; if the process dies, it lapses in seconds.
  const heartbeat = setInterval(() => {
    service.heartbeat(id).catch((e) => logger.warn(`idempotency: heartbeat for key ${id} failed: ${e?.message}`))
  }, IDEMPOTENCY_HEARTBEAT_MS)
  heartbeat.unref()
  const stopHeartbeat = () => clearInterval(heartbeat)
  const originalJson = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (settled) return originalJson(body)
    settled = true
    stopHeartbeat()
    const code = res.statusCode // set by res.status() before json(), by the route or the error handler
    const persist = code >= 500 ? service.release(id) : service.complete(id, { status: code, body })
    persist
      .catch(async (e) => {
        logger.error(`idempotency: could not store the response for key ${id}: ${e?.message}`)
        await service.release(id).catch(() => undefined)
      })
      .finally(() => originalJson(body))
    return res
  }) as any

  const releaseIfUnsettled = () => {
    stopHeartbeat()
    if (settled) return
    settled = true
    service.release(id).catch((e) => logger.error(`idempotency: could not release key ${id}: ${e?.message}`))
  }
  // Only "finish": a client hanging up ("close") must not free a key whose request still runs.
  res.on("finish", releaseIfUnsettled)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
