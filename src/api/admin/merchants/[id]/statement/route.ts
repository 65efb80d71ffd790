import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { parsePeriod } from "../../../../money/period"
import { sendStatement } from "../../../../money/present"

/** `?from=&to=` (ISO dates, default this month) and `?format=csv` for a download. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const period = parsePeriod(req.query)
  const merchant = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).retrieveMerchant(req.params.id)
  await sendStatement(req.scope, res, merchant, period, req.query.format)
}
