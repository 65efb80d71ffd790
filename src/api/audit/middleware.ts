import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { logAuditFailure, recordAudit } from "./record"

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"])

/**
 * Every successful change through /admin or /merchant is written to the audit trail before its answer
 * is sent: actor, route (`POST /admin/merchants/:id/approve`), the ids in the path, the request body
 * (credentials redacted), IP and request id. Routes that know the before → after record it themselves
 * (recordAudit) and this writes nothing more. A failed write is logged loudly and does not undo a
 * change that already happened.
 */
export function auditMutations(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!MUTATING.has(req.method)) return next()
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (res.statusCode >= 400 || (req as any).auditRecorded) return json(body)
    const routePath: unknown = (req as any).route?.path
    const pattern = typeof routePath === "string" && routePath.startsWith("/") ? routePath : req.originalUrl.split("?")[0]
    const params = (req.params ?? {}) as Record<string, string>
    const segments = pattern.split("/").filter(Boolean)
    const targetType = segments[1] ?? null
    const targetId = params.id ?? Object.values(params)[0] ?? null
    recordAudit(req, {
      action: `${req.method} ${pattern}`,
      target_type: targetType,
      target_id: targetId,
      after: { status: res.statusCode, params, request: req.body ?? null },
    }).then(() => json(body), (e) => {
      logAuditFailure(req, e)
      json(body)
    })
    return res
  }) as any
  next()
}
