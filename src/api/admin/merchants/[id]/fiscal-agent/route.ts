import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { defaultAgentType } from "../../../../../lib/fiscal/receipt"
import { SnailError } from "../../../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import type { FiscalAgentBodyType } from "../../../../money/validators"

/**
 * The platform's role under its contract with this merchant, printed on RU agent receipts (FFD 1.2
 * tag 1222: commission agent, attorney, another agent); `null` returns it to the platform default.
 */
export const POST = async (req: AuthenticatedMedusaRequest<FiscalAgentBodyType>, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const [merchant] = await marketplace.listMerchants({ id: req.params.id }, { select: ["id"] })
  if (!merchant) throw new SnailError(404, "NOT_FOUND", `Merchant ${req.params.id} not found`)
  await marketplace.updateMerchants({ id: merchant.id, fiscal_agent_type: req.validatedBody.agent_type } as any)
  res.json({ merchant_id: merchant.id, agent_type: req.validatedBody.agent_type ?? defaultAgentType(), is_default: req.validatedBody.agent_type === null })
}
