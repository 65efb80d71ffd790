import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { promotionFundedByDefault } from "../../../../../lib/marketplace-money/config"
import { SnailError } from "../../../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import type { PromotionFundingBodyType } from "../../../../money/validators"

async function assertPromotion(req: AuthenticatedMedusaRequest) {
  const [promotion] = await req.scope.resolve(Modules.PROMOTION).listPromotions({ id: req.params.id }, { select: ["id"] })
  if (!promotion) throw new SnailError(404, "NOT_FOUND", `Promotion ${req.params.id} not found`)
}

async function present(marketplace: MarketplaceModuleService, promotionId: string) {
  const [row] = await marketplace.listPromotionFundings({ promotion_id: promotionId })
  const fallback = promotionFundedByDefault()
  return { promotion_id: promotionId, funded_by: row?.funded_by ?? fallback, is_default: !row, default_funded_by: fallback }
}

/** Who funds this promotion's discount (issue 17 §3): its own setting, or the platform default. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertPromotion(req)
  res.json({ promotion_funding: await present(req.scope.resolve(MARKETPLACE_MODULE), req.params.id) })
}

/** Sets who funds it; orders already placed keep the funding they were split with. */
export const POST = async (req: AuthenticatedMedusaRequest<PromotionFundingBodyType>, res: MedusaResponse) => {
  await assertPromotion(req)
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const [row] = await marketplace.listPromotionFundings({ promotion_id: req.params.id })
  if (row) await marketplace.updatePromotionFundings({ id: row.id, funded_by: req.validatedBody.funded_by })
  else await marketplace.createPromotionFundings({ promotion_id: req.params.id, funded_by: req.validatedBody.funded_by })
  res.json({ promotion_funding: await present(marketplace, req.params.id) })
}
