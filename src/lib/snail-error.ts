import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorCode } from "./error-codes"

const TYPE_BY_STATUS: Record<number, string> = {
  400: MedusaError.Types.INVALID_DATA,
  401: MedusaError.Types.UNAUTHORIZED,
  403: MedusaError.Types.FORBIDDEN,
  404: MedusaError.Types.NOT_FOUND,
  409: MedusaError.Types.CONFLICT,
  422: MedusaError.Types.NOT_ALLOWED,
  503: MedusaError.Types.UNEXPECTED_STATE,
}

/**
 * An error with our stable code and the exact HTTP status it maps to (DESIGN.md §8).
 * Thrown from routes, middlewares and workflow steps alike; src/api/error-handler.ts renders it.
 */
export class SnailError extends MedusaError {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    code: ErrorCode,
    message: string,
    public readonly field?: string,
    /** Why a rule refused, when one code covers several reasons (e.g. PRODUCT_NOT_SELLABLE's `reason_code`). */
    public readonly detail?: { reason_code?: string }
  ) {
    super(TYPE_BY_STATUS[status] ?? MedusaError.Types.INVALID_DATA, message, code)
    this.name = "SnailError"
  }
}

export function isSnailError(err: unknown): err is SnailError {
  // Workflow engines may hand back a copy of the error, so the shape counts, not the prototype.
  if (err instanceof SnailError) return true
  const e = err as any
  return typeof e === "object" && e !== null && typeof e.status === "number" && typeof e.code === "string" && e.name === "SnailError"
}
