import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { merchantBalances } from "../../../workflows/marketplace-money/statements"
import type { MerchantRequest } from "../context"

/** Escrow, available, in transit and paid out, per currency, derived from the ledger (read under row-level security). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const merchantId = req.merchantContext.merchant.id
  const balances = await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).asMerchant(merchantId, (ctx) => merchantBalances(req.scope, merchantId, ctx))
  res.json({ merchant_id: merchantId, balances })
}
