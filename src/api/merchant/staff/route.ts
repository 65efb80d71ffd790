import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantRequest } from "../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const staff = await service.listMerchantUsers(
    { merchant_id: req.merchantContext.merchant.id } as any,
    { select: ["id", "email", "role", "created_at"], order: { created_at: "ASC" } }
  )
  res.json({ staff })
}
