import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { resendPendingPayouts } from "../../../../../workflows/marketplace-money/payouts"
import { plain } from "../../../../money/present"

/**
 * Sends a PENDING automatic payout again with the same idempotency key (its answer was lost to an
 * outage). Marking it failed and retrying instead could pay twice if the first transfer went through.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const payout = await marketplace.retrievePayout(req.params.id)
  const resent = payout.status === "PENDING" ? await resendPendingPayouts(req.scope, [payout.id]) : []
  if (!resent.length) throw new SnailError(409, "PAYOUT_NOT_RESENDABLE", `Payout ${payout.id} is ${payout.status} via ${payout.provider}`)
  res.json({ payout: plain((await marketplace.retrievePayout(payout.id)) as any) })
}
