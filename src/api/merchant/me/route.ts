import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantRequest } from "../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const merchant = await service.retrieveMerchant(req.merchantContext.merchant.id)
  res.json({ merchant_user: req.merchantContext.merchant_user, merchant })
}
