import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkPayoutMethod, type PayoutMethodInput } from "../../../lib/payout-method"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

type Before = { id: string; payout_method: Record<string, unknown> | null }

/**
 * Sets where the merchant's payouts go, after checking the account (IBAN check digits, BIC shape,
 * Stripe account id): 400 INVALID_IBAN / INVALID_BIC / INVALID_STRIPE_ACCOUNT naming the field.
 * The module seals it at rest; the compensation puts the previous method back.
 */
export const updateMerchantPayoutMethodStep = createStep(
  "update-merchant-payout-method",
  async (input: { merchant_id: string; method: PayoutMethodInput }, { container }) => {
    const checked = checkPayoutMethod(input.method)
    if (!checked.ok) throw new SnailError(400, checked.code, checked.message, checked.field)
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const merchant = await service.retrieveMerchant(input.merchant_id)
    const before: Before = { id: merchant.id, payout_method: (merchant.payout_method as any) ?? null }
    const updated = await service.updateMerchants({ id: merchant.id, payout_method: checked.method as any })
    return new StepResponse({ merchant: updated, type: checked.method.type }, before)
  },
  async (before, { container }) => {
    if (!before) return
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    await service.updateMerchants({ id: before.id, payout_method: before.payout_method as any })
  }
)
