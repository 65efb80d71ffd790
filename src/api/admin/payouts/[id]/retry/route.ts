import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { runPayoutBatchWorkflow } from "../../../../../workflows/marketplace-money/payouts"
import { plain } from "../../../../money/present"

/**
 * Retries a FAILED payout: a one-merchant batch keyed by the failed payout, so retrying twice pays
 * once. It pays what is available now (the failed amount came back, plus anything since).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const payout = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).retrievePayout(req.params.id)
  if (payout.status !== "FAILED") throw new SnailError(409, "PAYOUT_NOT_FAILED", `Payout ${payout.id} is ${payout.status}`)
  const { result } = await runPayoutBatchWorkflow(req.scope).run({
    input: { run_key: `retry:${payout.id}`, trigger: "admin", triggered_by: req.auth_context.actor_id, merchant_id: payout.merchant_id, currency_code: payout.currency_code },
  })
  res.status(result.created ? 201 : 200).json({ payout_batch: plain(result.batch as any), created: result.created })
}
