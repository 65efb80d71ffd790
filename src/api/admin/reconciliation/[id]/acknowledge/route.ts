import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { plain } from "../../../../money/present"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  await marketplace.retrieveReconciliationMismatch(req.params.id)
  const mismatch = await marketplace.updateReconciliationMismatches({ id: req.params.id, status: "ACKNOWLEDGED" } as any)
  res.json({ mismatch: plain(mismatch as any) })
}
