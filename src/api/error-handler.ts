import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler as medusaErrorHandler } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorCode } from "../lib/error-codes"
import { ERROR_CODES } from "../lib/error-codes"
import { isSnailError, SnailError } from "../lib/snail-error"
import { isPspUnavailable, PSP_RETRY_AFTER_SECONDS } from "../lib/psp-unavailable"

type ErrorBody = { type: string; code: ErrorCode; message: string; field?: string; reason_code?: string }

const MEDUSA_TYPE_CODES: Record<string, ErrorCode> = {
  [MedusaError.Types.NOT_FOUND]: "NOT_FOUND",
  [MedusaError.Types.UNAUTHORIZED]: "UNAUTHORIZED",
  [MedusaError.Types.FORBIDDEN]: "FORBIDDEN",
  [MedusaError.Types.CONFLICT]: "CONFLICT",
  [MedusaError.Types.DUPLICATE_ERROR]: "DUPLICATE",
  [MedusaError.Types.NOT_ALLOWED]: "NOT_ALLOWED",
  [MedusaError.Types.INVALID_DATA]: "INVALID_FIELD",
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: "PAYMENT_AUTHORIZATION_FAILED",
}

/**
 * Medusa's own handler decides the status; this one rewrites the body to our stable shape
 * `{ type, code, message, field? }` so clients can branch on `code` instead of parsing messages.
 */
export function snailErrorHandler() {
  const medusa = medusaErrorHandler()
  return (err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const translated = translateKnownError(err)
    if (translated) err = translated
    if (isSnailError(err)) {
      if (isPspUnavailable(err)) res.setHeader("Retry-After", String(PSP_RETRY_AFTER_SECONDS))
      const body: ErrorBody = withField({ type: err.type, code: err.code as ErrorCode, message: err.message }, err.field)
      if (typeof err.detail?.reason_code === "string") body.reason_code = err.detail.reason_code
      res.status(err.status).json(redactInternals(body))
      return
    }
    const originalJson = res.json.bind(res)
    res.json = ((body: any) => originalJson(redactInternals(toErrorBody(err, res.statusCode, body)))) as any
    return medusa(err, req, res, next)
  }
}

export function toErrorBody(err: any, status: number, medusaBody: any): ErrorBody {
  const type = medusaBody?.type ?? "unknown_error"
  if (err?.type === "entity.parse.failed") {
    return { type: MedusaError.Types.INVALID_DATA, code: "MALFORMED_JSON", message: `Malformed JSON in request body: ${err.message}` }
  }
  const issues = zodIssuesOf(err)
  if (issues) return fromZodIssues(issues, medusaBody?.message)

  if (typeof err?.code === "string" && err.code in ERROR_CODES) {
    return withField({ type, code: err.code as ErrorCode, message: err.message }, err.field)
  }
  const message: string = medusaBody?.message ?? "An unknown error occurred."
  if (message.startsWith("Publishable API key required")) return { type, code: "PUBLISHABLE_KEY_REQUIRED", message }
  if (message.startsWith("A valid publishable key is required")) return { type, code: "PUBLISHABLE_KEY_INVALID", message }
  const validation = err?.type === MedusaError.Types.INVALID_DATA ? fromValidationMessage(message) : undefined
  if (validation) return validation
  // A 5xx message is whatever broke inside (a driver's SQL, a stack, an upstream URL): never shown.
  if (status >= 500) return { type: "unknown_error", code: "INTERNAL_ERROR", message: INTERNAL_MESSAGE }
  if (status === 409) return { type, code: "CONFLICT", message }
  return { type, code: MEDUSA_TYPE_CODES[err?.type] ?? "INVALID_FIELD", message }
}

/**
 * Bad input that Medusa or its libraries report as a plain Error (a 500 otherwise): a zod error thrown
 * by a route's own parse, an `order` naming no column, an unknown payment provider.
 */
function translateKnownError(err: any): SnailError | undefined {
  const issues = zodIssuesOf(err)
  if (issues && !isSnailError(err) && !err?.type) {
    const body = fromZodIssues(issues)
    return new SnailError(400, body.code, body.message, body.field)
  }
  const message = typeof err?.message === "string" ? err.message : ""
  if (message.startsWith("Trying to order by not existing property")) {
    return new SnailError(400, "INVALID_FIELD", "The `order` parameter names a field that cannot be sorted on.", "order")
  }
  // Another request holds the cart (or other resource): the client retries, nothing broke.
  if (message.startsWith("Failed to acquire lock for key")) {
    return new SnailError(409, "CONFLICT", "Another request is changing the same resource; retry in a moment.")
  }
  // Medusa's cart names internal ids here; the buyer learns the product simply cannot be put in a cart yet (issue 16 §5).
  if (/^Sales channel \S+ is not associated with any stock location for variant/.test(message)) {
    return new SnailError(422, "NOT_STOCKED_FOR_CHANNEL", "This product is not stocked for this shop yet, so it cannot be added to the cart.")
  }
  if (/Unable to retrieve the payment provider with id/.test(message)) {
    return new SnailError(400, "INVALID_FIELD", "Unknown payment provider.", "provider_id")
  }
  return undefined
}

const INTERNAL_MESSAGE = "An internal error occurred. It was logged; please retry later."

// SQL statements, stack frames and internal URLs (databases, Redis, local services) in a client-facing message.
const INTERNALS = [
  /\b(select\s[\s\S]{1,500}?\sfrom\s+"|insert\s+into\s+"?\w+"?\s*\(|update\s+"\w+"\s+set\s|delete\s+from\s+"|values\s*\(\$\d)/i,
  /\n\s+at\s|\bat\s+\S+\s+\((\/|node:)/,
  /\b(postgres(ql)?|redis|mysql|mongodb|amqp):\/\//i,
  /\bhttps?:\/\/(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1)/i,
]

/** Replaces a message that would reveal SQL, stack traces or internal URLs with a neutral one. */
export function redactInternals(body: ErrorBody): ErrorBody {
  if (!INTERNALS.some((re) => re.test(body.message ?? ""))) return body
  return { ...body, message: body.code === "INTERNAL_ERROR" ? INTERNAL_MESSAGE : "The request could not be processed as sent." }
}

type ZodIssue = { code: string; path: (string | number)[]; keys?: string[]; message: string }

function zodIssuesOf(err: any): ZodIssue[] | undefined {
  return Array.isArray(err?.issues) ? err.issues : undefined
}

function fromZodIssues(issues: ZodIssue[], medusaMessage?: string): ErrorBody {
  const first = issues[0]
  const path = first.path.join(".")
  if (first.code === "unrecognized_keys") {
    const field = [path, first.keys?.[0]].filter(Boolean).join(".")
    return { type: MedusaError.Types.INVALID_DATA, code: "UNKNOWN_FIELD", field, message: medusaMessage ?? `Unrecognized field: '${field}'` }
  }
  return invalidField(path, medusaMessage ?? `Invalid value for field '${path}': ${first.message}`)
}

/**
 * Medusa's validators flatten zod errors into one message ("Invalid request: Unrecognized fields: 'a'",
 * "... for field 'additional_data, kind' ..."); the field is recovered from that stable wording.
 */
function fromValidationMessage(message: string): ErrorBody | undefined {
  if (!message.startsWith("Invalid request:")) return undefined
  const unknown = message.match(/Unrecognized fields: '([^']+)'/)
  if (unknown) {
    const field = unknown[1].split(", ")[0]
    return { type: MedusaError.Types.INVALID_DATA, code: "UNKNOWN_FIELD", field, message }
  }
  const named = message.match(/[Ff]ield '([^']+)'/)
  return invalidField(named ? named[1].split(", ").join(".") : undefined, message)
}

function invalidField(field: string | undefined, message: string): ErrorBody {
  const code: ErrorCode = field && /(^|\.)kind$/.test(field) ? "INVALID_PRODUCT_KIND" : "INVALID_FIELD"
  return withField({ type: MedusaError.Types.INVALID_DATA, code, message }, field)
}

function withField(body: ErrorBody, field?: unknown): ErrorBody {
  return typeof field === "string" ? { ...body, field } : body
}
