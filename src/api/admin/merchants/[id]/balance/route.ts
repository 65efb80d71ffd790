import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { merchantBalances } from "../../../../../workflows/marketplace-money/statements"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const merchant = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).retrieveMerchant(req.params.id)
  res.json({ merchant_id: merchant.id, balances: await merchantBalances(req.scope, merchant.id) })
}
