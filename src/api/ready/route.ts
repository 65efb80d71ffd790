import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { sandboxEnabled } from "../../lib/config/secrets"
import { withTimeout } from "../../observability/probes"
import { isShuttingDown } from "../../observability/shutdown"

const TIMEOUT_MS = Number(process.env.READY_TIMEOUT_MS || 2000)
type Check = { name: string; run: () => Promise<void> }

/**
 * Readiness (GET /health stays Medusa's liveness): the database answers, Redis answers when
 * configured, the payment provider is reachable, and the instance is not draining for shutdown.
 * 503 names what failed, so a balancer takes the instance out and a person sees why.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const results: Record<string, string> = {}
  if (isShuttingDown()) results.shutdown = "draining"
  await Promise.all(
    checks(req).map(async (c) => {
      try {
        await withTimeout(c.run(), TIMEOUT_MS)
        results[c.name] = "ok"
      } catch (e: any) {
        results[c.name] = `failed: ${String(e?.message ?? e).slice(0, 200)}`
      }
    })
  )
  const failed = Object.entries(results).filter(([, v]) => v !== "ok").map(([k]) => k)
  res.setHeader("Cache-Control", "no-store")
  if (failed.length) {
    res.setHeader("Retry-After", "5")
    res.status(503).json({ type: "unavailable", code: "NOT_READY", message: `Not ready: ${failed.join(", ")}.`, failed, checks: results })
    return
  }
  res.json({ status: "ready", checks: results })
}

function checks(req: MedusaRequest): Check[] {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const list: Check[] = [{ name: "database", run: async () => void (await pg.raw("select 1")) }]
  const redisUrl: string | undefined = config?.projectConfig?.redisUrl
  if (redisUrl) list.push({ name: "redis", run: () => pingRedis(redisUrl) })
  const env = process.env
  if (sandboxEnabled(env)) list.push({ name: "psp", run: () => reachable(`${env.SANDBOX_PSP_URL || "http://localhost:9010"}/health`, true) })
  else if (env.STRIPE_API_KEY) list.push({ name: "psp", run: () => reachable(env.STRIPE_API_BASE || "https://api.stripe.com", false) })
  return list
}

// One connection per process, reused by every probe; it never queues commands while down.
let redis: Redis | undefined
async function pingRedis(url: string) {
  redis ??= new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: TIMEOUT_MS, retryStrategy: () => 1000 })
  if (redis.status === "wait" || redis.status === "end") await redis.connect().catch(() => undefined)
  const answer = await redis.ping()
  if (answer !== "PONG") throw new Error(`unexpected answer ${answer}`)
}

/** Any HTTP answer proves a reachable host; the sandbox's own /health must also say 200. */
async function reachable(url: string, needOk: boolean) {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (needOk && !res.ok) throw new Error(`HTTP ${res.status}`)
}
