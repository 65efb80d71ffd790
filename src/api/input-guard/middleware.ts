import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorCode } from "../../lib/error-codes"
import { SnailError } from "../../lib/snail-error"
import { findBadInput } from "../../lib/validation/find-bad-input"

/**
 * Runs before every validator (Medusa's included, hence no `methods`): a body or query breaking the
 * shared input rules (src/lib/validation) is refused with 400 INVALID_FIELD naming the field, before
 * it can reach PostgreSQL or a money conversion.
 */
export function inputGuard(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const bad = badPath(req.originalUrl ?? req.url) ?? findBadInput(req.query, { query: true }) ?? findBadInput(req.body)
  if (bad) return next(new SnailError(400, "INVALID_FIELD", `Invalid value for field '${bad.field}': it ${bad.message}`, bad.field))
  next()
}

// Path parameters are ids, handles and tokens: short, printable. Checked on the raw URL because route
// params are not parsed yet at this point (and an encoded NUL reaches PostgreSQL as a 500).
const ENCODED_CONTROL = /%(0[0-9a-f]|1[0-9a-f]|7f)/i
const MAX_SEGMENT = 512

function badPath(url: string) {
  const pathname = url.split("?")[0]
  if (ENCODED_CONTROL.test(pathname)) return { field: "path", message: "must not contain control characters" }
  if (pathname.split("/").some((segment) => segment.length > MAX_SEGMENT)) return { field: "path", message: `has a segment longer than ${MAX_SEGMENT} characters` }
  return undefined
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "INVALID_FIELD", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT", 422: "NOT_ALLOWED",
}

/**
 * Some Medusa middlewares answer errors themselves (`401 {"message":"Unauthorized"}` from the auth
 * middleware) instead of going through the error handler: give those bodies a machine code too.
 */
export function codeEveryError(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode >= 400 && body && typeof body === "object" && !Array.isArray(body) && typeof body.code !== "string") {
      const code = CODE_BY_STATUS[res.statusCode] ?? (res.statusCode >= 500 ? "INTERNAL_ERROR" : "INVALID_FIELD")
      body = { type: body.type ?? (res.statusCode === 401 ? "unauthorized" : "invalid_data"), ...body, code, message: body.message ?? "" }
    }
    return json(body)
  }) as any
  next()
}

/** Every prefix that serves an API (the admin dashboard's files under /app take no input). */
export const API_PREFIXES = ["/store", "/admin", "/auth", "/merchant", "/hooks", "/calendar", "/course-assets"]
