import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { validateCommissionRule } from "../../../money/commission-rules"
import type { CommissionRuleBodyType } from "../../../money/validators"

// Changing a rule affects orders placed from now on: splits keep the figures they were written with.
export const POST = async (req: AuthenticatedMedusaRequest<Partial<CommissionRuleBodyType>>, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const current = await marketplace.retrieveCommissionRule(req.params.id)
  const next = { ...current, ...req.validatedBody, id: current.id } as any
  await validateCommissionRule(req.scope, next)
  const rule = await marketplace.updateCommissionRules({
    id: current.id,
    ...req.validatedBody,
    ...(req.validatedBody.valid_from !== undefined ? { valid_from: req.validatedBody.valid_from ? new Date(req.validatedBody.valid_from) : null } : {}),
    ...(req.validatedBody.valid_to !== undefined ? { valid_to: req.validatedBody.valid_to ? new Date(req.validatedBody.valid_to) : null } : {}),
  } as any)
  res.json({ commission_rule: rule })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  await marketplace.retrieveCommissionRule(req.params.id)
  await marketplace.deleteCommissionRules(req.params.id)
  res.json({ id: req.params.id, object: "commission_rule", deleted: true })
}
