import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"

// Never written to the trail: credentials and payment secrets, whatever the route calls them.
const SECRET_KEY = /pass(word)?|token|secret|api_?key|card|cvc|cvv|iban|account_number|authorization/i
const MAX_JSON = 8_000

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "…"
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1))
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]))
  }
  return typeof value === "string" && value.length > 500 ? value.slice(0, 500) + "…" : value
}

function bounded(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text && text.length > MAX_JSON ? { truncated: text.slice(0, MAX_JSON) } : value
}

type Change = { action: string; target_type?: string | null; target_id?: string | null; before?: unknown; after?: unknown }

/**
 * Appends to the audit trail as the request's actor, with its IP and request id. A route that records
 * its own before → after marks the request, so the generic middleware does not write a second row.
 */
export async function recordAudit(req: MedusaRequest, change: Change) {
  const ctx = (req as any).auth_context ?? {}
  const merchantId = (req as any).merchantContext?.merchant?.id
  const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
  ;(req as any).auditRecorded = true
  await audit.append({
    actor_type: ctx.actor_type ?? "anonymous",
    actor_id: ctx.actor_id || null,
    action: change.action,
    target_type: change.target_type ?? null,
    target_id: change.target_id ?? null,
    before: change.before === undefined ? null : bounded(redact(change.before)),
    after: change.after === undefined ? null : bounded(redact(merchantId ? { ...(change.after as object), merchant_id: merchantId } : change.after)),
    ip: (req.ip ?? "") || null,
    request_id: (req as any).requestId ?? (req.headers["x-request-id"] as string) ?? null,
  })
}

export function logAuditFailure(req: MedusaRequest, e: unknown) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(`AUDIT TRAIL WRITE FAILED for ${req.method} ${req.originalUrl}: ${(e as Error)?.message ?? e}`)
}
