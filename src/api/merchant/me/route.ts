import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { roleSections } from "../../../lib/merchant-roles"
import type { MerchantRequest } from "../context"
import { presentMerchant } from "./present"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const merchant = await service.retrieveMerchant(req.merchantContext.merchant.id)
  // `sections`: the dashboard sections the member's role opens (the side nav shows only those).
  res.json({ merchant_user: req.merchantContext.merchant_user, merchant: presentMerchant(merchant), sections: roleSections(req.merchantContext.merchant_user.role) })
}
