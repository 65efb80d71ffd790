import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isValidInn, isValidTrn } from "../../../lib/tax-ids"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { MerchantProfileInput } from "../types"

/** Legal checks a reviewer should never have to do by hand: tax ids, handle uniqueness. */
export const validateMerchantProfileStep = createStep(
  "validate-merchant-profile",
  async (input: { profile: MerchantProfileInput; auth_identity_id: string; app_metadata?: Record<string, unknown> }, { container }) => {
    const { profile } = input
    if (input.app_metadata?.merchant_id) {
      throw new SnailError(403, "ALREADY_MERCHANT_USER", "This identity already belongs to a merchant")
    }
    const country = profile.country_code.toLowerCase()
    if (profile.inn !== undefined && profile.inn !== null && !isValidInn(profile.inn)) {
      throw new SnailError(400, "INVALID_INN", `INN '${profile.inn}' is not valid: 10 or 12 digits with correct check digits`, "inn")
    }
    if (profile.trn !== undefined && profile.trn !== null && !isValidTrn(profile.trn)) {
      throw new SnailError(400, "INVALID_TRN", `TRN '${profile.trn}' is not valid: exactly 15 digits`, "trn")
    }
    if (country === "ru" && !profile.inn) {
      throw new SnailError(400, "TAX_ID_REQUIRED", "A Russian merchant needs an INN", "inn")
    }
    if (country === "ae" && profile.tax_regime !== "NOT_VAT_REGISTERED" && !profile.trn) {
      throw new SnailError(400, "TAX_ID_REQUIRED", "A VAT-registered UAE merchant needs a TRN", "trn")
    }
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const [taken] = await service.listMerchants({ handle: profile.handle }, { select: ["id"], withDeleted: true })
    if (taken) throw new SnailError(409, "HANDLE_TAKEN", `The handle '${profile.handle}' is taken`, "handle")
    return new StepResponse(undefined)
  }
)
