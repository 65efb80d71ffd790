import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantRequest } from "../context"

/** The merchant's team, read under row-level security (asMerchant). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const merchantId = req.merchantContext.merchant.id
  const staff = await service.asMerchant(merchantId, (ctx) => service.listMerchantUsers(
    { merchant_id: merchantId } as any,
    { select: ["id", "email", "role", "created_at"], order: { created_at: "ASC" } },
    ctx
  ))
  res.json({ staff })
}
