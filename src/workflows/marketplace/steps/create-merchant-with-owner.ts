import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantProfileInput } from "../types"

/** Creates a PENDING merchant and its OWNER user (the applicant). */
export const createMerchantWithOwnerStep = createStep(
  "create-merchant-with-owner",
  async (input: { profile: MerchantProfileInput; owner_email: string }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const { profile } = input
    const merchant = await service.createMerchants({
      ...profile,
      country_code: profile.country_code.toLowerCase(),
      kyc_status: "PENDING",
    } as any)
    const owner = await service.createMerchantUsers({ email: input.owner_email.toLowerCase(), role: "OWNER", merchant_id: merchant.id } as any)
    return new StepResponse({ merchant, owner }, merchant.id)
  },
  async (merchantId, { container }) => {
    if (!merchantId) return
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    await service.deleteMerchants(merchantId)
  }
)
