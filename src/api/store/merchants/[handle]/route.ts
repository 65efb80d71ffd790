import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"

/** Public merchant profile; only approved merchants have one. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const [merchant] = await service.listMerchants(
    { handle: req.params.handle, kyc_status: "APPROVED" },
    { select: ["id", "handle", "display_name", "country_code", "default_locale", "created_at"] }
  )
  if (!merchant) throw new SnailError(404, "NOT_FOUND", `Merchant '${req.params.handle}' not found`)
  res.json({ merchant })
}
