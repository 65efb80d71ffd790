import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { plain } from "../../../money/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const batch = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).retrievePayoutBatch(req.params.id, { relations: ["payouts"] })
  res.json({ payout_batch: plain(batch as any) })
}
