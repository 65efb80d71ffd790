import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcilePayments } from "../../../../workflows/marketplace-money/reconcile"
import { parsePeriod } from "../../../money/period"

const DAY_MS = 24 * 60 * 60 * 1000

/** Runs the reconciliation now for `from`–`to` (default: the last 24 hours). */
export const POST = async (req: AuthenticatedMedusaRequest<{ from?: string; to?: string }>, res: MedusaResponse) => {
  const now = new Date()
  const period = parsePeriod({ from: req.validatedBody.from ?? new Date(now.getTime() - DAY_MS).toISOString(), to: req.validatedBody.to ?? now.toISOString() })
  res.json(await reconcilePayments(req.scope, period))
}
