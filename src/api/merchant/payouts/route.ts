import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { plain } from "../../money/present"
import type { MerchantRequest } from "../context"

/** The merchant's payouts, read under row-level security (asMerchant): the filter and PostgreSQL's policy agree. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const merchantId = req.merchantContext.merchant.id
  const [payouts, count] = await marketplace.asMerchant(merchantId, (ctx) => marketplace.listAndCountPayouts(
    { merchant_id: merchantId },
    { order: { created_at: "DESC" }, take: Math.min(Number(req.query.limit ?? 50), 200), skip: Number(req.query.offset ?? 0) },
    ctx
  ))
  res.json({ payouts: payouts.map(plain), count })
}
