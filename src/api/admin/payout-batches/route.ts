import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { runPayoutBatchWorkflow } from "../../../workflows/marketplace-money/payouts"
import { plain } from "../../money/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const [batches, count] = await marketplace.listAndCountPayoutBatches({}, { relations: ["payouts"], order: { created_at: "DESC" }, take: Math.min(Number(req.query.limit ?? 50), 200), skip: Number(req.query.offset ?? 0) })
  res.json({ payout_batches: batches.map(plain), count })
}

/**
 * Runs a payout batch now. `run_key` makes it idempotent (default: one admin batch per minute);
 * the same key again returns the first run (200) instead of paying twice.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ run_key?: string }>, res: MedusaResponse) => {
  const runKey = req.validatedBody.run_key ?? `admin:${new Date().toISOString().slice(0, 16)}`
  const { result } = await runPayoutBatchWorkflow(req.scope).run({ input: { run_key: runKey, trigger: "admin", triggered_by: req.auth_context.actor_id } })
  res.status(result.created ? 201 : 200).json({ payout_batch: plain(result.batch as any), created: result.created })
}
