import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { passwordProblem } from "../../lib/validation/password-policy"

// Medusa's routes that set a password: registration (customer, admin user via invite, merchant) and
// the reset (…/update with the emailed token). Any auth provider that takes a `password` field.
const SETS_PASSWORD = /^\/auth\/[^/]+\/[^/]+\/(register|update)\/?$/

/** 400 WEAK_PASSWORD with the reason in words, before Medusa stores anything. */
export function enforcePasswordPolicy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST" || !SETS_PASSWORD.test(req.baseUrl + req.path)) return next()
  const body = (req.body ?? {}) as Record<string, unknown>
  const problem = passwordProblem(body.password, typeof body.email === "string" ? body.email : undefined)
  if (!problem) return next()
  res.status(400).json({ type: "invalid_data", code: "WEAK_PASSWORD", message: problem, field: "password" })
}
