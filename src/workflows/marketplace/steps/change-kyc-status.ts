import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { KycAction, nextKycStatus } from "../../../modules/marketplace/kyc"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

export const changeKycStatusStep = createStep(
  "change-merchant-kyc-status",
  async (input: { merchant_id: string; action: KycAction; reason?: string | null }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const merchant = await service.retrieveMerchant(input.merchant_id)
    const to = nextKycStatus(merchant.kyc_status, input.action)
    if (!to) {
      throw new SnailError(409, "INVALID_KYC_TRANSITION", `Cannot ${input.action} a merchant whose status is ${merchant.kyc_status}`)
    }
    const updated = await service.updateMerchants({
      id: merchant.id,
      kyc_status: to,
      kyc_reason: input.action === "approve" ? null : input.reason ?? null,
    })
    return new StepResponse(updated, { id: merchant.id, kyc_status: merchant.kyc_status, kyc_reason: merchant.kyc_reason })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    await service.updateMerchants(previous)
  }
)
