import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { plain } from "../../money/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const filters: Record<string, unknown> = {}
  if (req.query.status) filters.status = String(req.query.status)
  if (req.query.merchant_id) filters.merchant_id = String(req.query.merchant_id)
  const [payouts, count] = await (req.scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listAndCountPayouts(filters, {
    order: { created_at: "DESC" }, take: Math.min(Number(req.query.limit ?? 50), 200), skip: Number(req.query.offset ?? 0),
  })
  res.json({ payouts: payouts.map(plain), count })
}
