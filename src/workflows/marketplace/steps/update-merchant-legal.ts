import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { isValidInn, isValidTrn } from "../../../lib/tax-ids"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

export type MerchantLegalInput = {
  merchant_id: string; inn?: string | null; trn?: string | null; legal_name?: string; legal_address?: string | null
}
type Before = { id: string; inn: string | null; trn: string | null; legal_name: string; legal_address: string | null }

/**
 * Changes a merchant's legal profile after onboarding — registered name and address, tax
 * identifiers — with the application's rules for the tax ids:
 * a checksum-valid INN (the RU market needs one on every agent receipt, 54-FZ tag 1226), a
 * 15-digit TRN; a Russian merchant cannot drop its INN, nor a VAT-registered UAE merchant its TRN.
 */
export const updateMerchantLegalStep = createStep(
  "update-merchant-legal",
  async (input: MerchantLegalInput, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const merchant = await service.retrieveMerchant(input.merchant_id)
    const inn = input.inn === undefined ? merchant.inn : input.inn
    const trn = input.trn === undefined ? merchant.trn : input.trn
    if (inn !== null && inn !== undefined && !isValidInn(inn)) {
      throw new SnailError(400, "INVALID_INN", `INN '${inn}' is not valid: 10 or 12 digits with correct check digits`, "inn")
    }
    if (trn !== null && trn !== undefined && !isValidTrn(trn)) throw new SnailError(400, "INVALID_TRN", `TRN '${trn}' is not valid: exactly 15 digits`, "trn")
    const country = merchant.country_code.toLowerCase()
    if (country === "ru" && !inn) throw new SnailError(400, "TAX_ID_REQUIRED", "A Russian merchant needs an INN", "inn")
    if (country === "ae" && merchant.tax_regime !== "NOT_VAT_REGISTERED" && !trn) {
      throw new SnailError(400, "TAX_ID_REQUIRED", "A VAT-registered UAE merchant needs a TRN", "trn")
    }
    const before: Before = { id: merchant.id, inn: merchant.inn ?? null, trn: merchant.trn ?? null, legal_name: merchant.legal_name, legal_address: merchant.legal_address ?? null }
    const updated = await service.updateMerchants({
      id: merchant.id, inn: inn ?? null, trn: trn ?? null,
      ...(input.legal_name !== undefined ? { legal_name: input.legal_name } : {}),
      ...(input.legal_address !== undefined ? { legal_address: input.legal_address } : {}),
    })
    return new StepResponse({ merchant: updated, before }, before)
  },
  async (before, { container }) => {
    if (!before) return
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    await service.updateMerchants({ id: before.id, inn: before.inn, trn: before.trn, legal_name: before.legal_name, legal_address: before.legal_address })
  }
)
