import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"

/*
 * Medusa 2.21 routes whose own validators crash on wrong types (a TypeError inside zod → 500). Each
 * entry checks just enough for Medusa's validator to answer 400 itself. Registered without `methods`
 * (so they run before the core validators) and therefore filter on the method here.
 */
function stringField(field: string, required: boolean) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    if (req.method !== "POST") return next()
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    if ((required && value === undefined) || (value !== undefined && typeof value !== "string")) {
      return next(new SnailError(400, "INVALID_FIELD", `Field '${field}' must be a string.`, field))
    }
    next()
  }
}

export const coreGapRoutes = [
  // AdminCreateStockLocation / AdminUpdateStockLocation call `name.trim()` before checking the type.
  { matcher: "/admin/stock-locations", middlewares: [stringField("name", true)] },
  { matcher: "/admin/stock-locations/:id", middlewares: [stringField("name", false)] },
]
