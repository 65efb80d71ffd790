import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { plain } from "../../money/present"

/** Stored reconciliation mismatches, open first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const filters = req.query.status ? { status: String(req.query.status) } : {}
  const [mismatches, count] = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listAndCountReconciliationMismatches(filters as any, {
    order: { status: "DESC", created_at: "DESC" }, take: Math.min(Number(req.query.limit ?? 50), 200), skip: Number(req.query.offset ?? 0),
  })
  res.json({ mismatches: mismatches.map(plain), count })
}
