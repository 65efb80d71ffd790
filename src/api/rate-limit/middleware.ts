import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorCode } from "../../lib/error-codes"
import { lockoutPolicy, lockSeconds, rateLimitsDisabled, ruleWindows, type RuleName } from "./rules"
import { windowStore, type WindowStore } from "./stores"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Classified = { rule: RuleName; account?: string; login?: string }

const SIGN_IN = /^\/auth\/(customer|user|merchant)\/emailpass\/?$/
const REGISTER = /^\/auth\/(customer|user|merchant)\/emailpass\/register\/?$/
const RESET = /^\/auth\/(customer|user|merchant)\/emailpass\/reset-password\/?$/
const COMPLETE = /^\/store\/carts\/([^/]+)\/complete\/?$/

const lower = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : undefined)

function classify(req: MedusaRequest): Classified | undefined {
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0]
  const body = (req.body ?? {}) as Record<string, unknown>
  if (req.method === "POST") {
    const signIn = SIGN_IN.exec(path)
    if (signIn) {
      const email = lower(body.email)
      return { rule: "login", account: email && `${signIn[1]}:${email}`, login: email && `${signIn[1]}:${email}` }
    }
    if (REGISTER.test(path)) return { rule: "register" }
    if (RESET.test(path)) return { rule: "password_reset", account: lower(body.identifier) }
    const complete = COMPLETE.exec(path)
    if (complete) return { rule: "cart_complete", account: complete[1] }
    if (path.startsWith("/hooks/")) return { rule: "webhook" }
  }
  if (req.method === "GET" && (/^\/store\/search(\/suggest)?\/?$/.test(path) || (/^\/store\/products\/?$/.test(path) && typeof req.query?.q === "string"))) {
    return { rule: "search" }
  }
  return undefined
}

function storeFor(req: MedusaRequest): WindowStore {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  return windowStore(`${config?.projectConfig?.databaseUrl ?? ""}/${config?.projectConfig?.databaseName ?? ""}`)
}

function tooMany(res: MedusaResponse, retryAfterMs: number, code: Extract<ErrorCode, "RATE_LIMITED" | "AUTH_LOCKED">, message: string) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  res.setHeader("Retry-After", String(seconds))
  res.status(429).json({ type: "too_many_requests", code, message: message.replace("{s}", String(seconds)) })
}

/**
 * Sliding-window limits per IP and per account, and the lockout after repeated failed sign-ins. A lockout
 * is keyed by the email as typed, whether or not an account has it, and is checked before any lookup, so
 * unknown, known and suspended accounts get the same answers.
 */
export async function rateLimits(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    if (rateLimitsDisabled()) return next()
    const hit = classify(req)
    if (!hit) return next()
    const store = storeFor(req)
    if (hit.login) {
      const locked = await store.lockedFor(`lock:${hit.login}`)
      if (locked > 0) return tooMany(res, locked, "AUTH_LOCKED", "Too many failed sign-ins for this account. Try again in {s} s.")
    }
    const windows = ruleWindows(hit.rule)
    const scopes = [{ key: `${hit.rule}:ip:${req.ip}`, w: windows.ip }]
    if (hit.account && windows.account) scopes.push({ key: `${hit.rule}:acct:${hit.account}`, w: windows.account })
    for (const { key, w } of scopes) {
      const r = await store.hit(key, w.seconds * 1000, w.limit)
      if (!r.allowed) return tooMany(res, r.retryAfterMs, "RATE_LIMITED", "Too many requests. Try again in {s} s.")
    }
    if (hit.login) countSignInOutcome(res, store, hit.login)
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Counts the sign-in's outcome before its answer leaves (so the next attempt already sees it): a 401
 * counts towards the lockout, a success clears the count.
 */
function countSignInOutcome(res: MedusaResponse, store: WindowStore, login: string) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    const policy = lockoutPolicy()
    const failures = `fail:${login}`
    const settle = async () => {
      if (res.statusCode === 200) return store.reset(failures)
      if (res.statusCode !== 401) return
      const { count } = await store.hit(failures, policy.windowSeconds * 1000, Number.MAX_SAFE_INTEGER)
      const seconds = lockSeconds(count, policy)
      if (seconds > 0) await store.lock(`lock:${login}`, seconds * 1000)
    }
    // A lost count only weakens the lockout; the answer is sent either way.
    settle().catch(() => undefined).finally(() => json(body))
    return res
  }) as any
}
