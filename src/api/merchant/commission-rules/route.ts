import type { MedusaResponse } from "@medusajs/framework/http"
import { defaultCommissionBps } from "../../../lib/marketplace-money/config"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantRequest } from "../context"

/** The rules that can apply to this merchant: its own and the platform-wide ones. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const rules = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listCommissionRules(
    { $or: [{ merchant_id: req.merchantContext.merchant.id }, { merchant_id: null }] } as any,
    { order: { created_at: "ASC" } }
  )
  res.json({ commission_rules: rules, platform_default_bps: defaultCommissionBps() })
}
