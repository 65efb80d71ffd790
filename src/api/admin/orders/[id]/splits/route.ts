import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { orderSplits } from "../../../../money/present"

/** The order's per-merchant splits, and what the ledger booked for it so far by account. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const splits = await orderSplits(req.scope, req.params.id)
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const ledger = await marketplace.ledgerBalances({ order_id: req.params.id })
  res.json({ splits, ledger })
}
