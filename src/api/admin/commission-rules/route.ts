import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { defaultCommissionBps } from "../../../lib/marketplace-money/config"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { validateCommissionRule } from "../../money/commission-rules"
import type { CommissionRuleBodyType } from "../../money/validators"

/** Every commission rule (optionally one merchant's), and the built-in platform default. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const filters = req.query.merchant_id ? { merchant_id: String(req.query.merchant_id) } : {}
  const rules = await marketplace.listCommissionRules(filters, { order: { created_at: "ASC" } })
  res.json({ commission_rules: rules, platform_default_bps: defaultCommissionBps() })
}

export const POST = async (req: AuthenticatedMedusaRequest<CommissionRuleBodyType>, res: MedusaResponse) => {
  const body = req.validatedBody
  await validateCommissionRule(req.scope, body)
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const rule = await marketplace.createCommissionRules({
    ...body,
    fixed_fee_currency: body.fixed_fee_currency?.toLowerCase() ?? null,
    valid_from: body.valid_from ? new Date(body.valid_from) : null,
    valid_to: body.valid_to ? new Date(body.valid_to) : null,
  } as any)
  res.status(201).json({ commission_rule: rule })
}
