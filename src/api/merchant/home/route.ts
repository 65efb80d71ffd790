import type { MedusaResponse } from "@medusajs/framework/http"
import { roleAllows } from "../../../lib/merchant-roles"
import { SnailError } from "../../../lib/snail-error"
import type { MerchantRequest } from "../context"
import { merchantHomeSummary } from "./summary"

const DAY_MS = 24 * 3600 * 1000

/**
 * GET /merchant/home?today_from=&today_to= — the dashboard's Home: to-dos, sales (30 days) and
 * balance, onboarding checklist. The viewer's day comes from the browser (its own time zone);
 * without it, the next 24 hours.
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const from = q.today_from ? new Date(String(q.today_from)) : new Date()
  const to = q.today_to ? new Date(String(q.today_to)) : new Date(from.getTime() + DAY_MS)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from || to.getTime() - from.getTime() > 2 * DAY_MS) {
    throw new SnailError(400, "INVALID_FIELD", "today_from and today_to are ISO times at most two days apart", "today_from")
  }
  const summary = await merchantHomeSummary(req.scope, req.merchantContext.merchant.id, { from, to })
  // The figures are money: a role that may not read the balance (fulfilment) gets the to-dos only.
  if (!roleAllows(req.merchantContext.merchant_user.role, "GET", "/merchant/balance")) {
    return res.json({ ...summary, sales_30d: [], balances: [], last_payout: null })
  }
  res.json(summary)
}
