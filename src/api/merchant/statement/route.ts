import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { parsePeriod } from "../../money/period"
import { sendStatement } from "../../money/present"
import type { MerchantRequest } from "../context"

/** The merchant's own statement: `?from=&to=`, `?format=csv` to download. Read under row-level security (asMerchant). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  const period = parsePeriod(req.query)
  await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).asMerchant(merchant.id, (ctx) =>
    sendStatement(req.scope, res, merchant, period, req.query.format, ctx))
}
