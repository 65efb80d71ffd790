import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { plain } from "../../money/present"
import type { MerchantRequest } from "../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const [payouts, count] = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listAndCountPayouts(
    { merchant_id: req.merchantContext.merchant.id },
    { order: { created_at: "DESC" }, take: Math.min(Number(req.query.limit ?? 50), 200), skip: Number(req.query.offset ?? 0) }
  )
  res.json({ payouts: payouts.map(plain), count })
}
