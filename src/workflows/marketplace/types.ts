import type { TaxRegime } from "../../modules/marketplace/models/merchant"

export type MerchantProfileInput = {
  handle: string
  legal_name: string
  display_name: string
  country_code: string
  inn?: string | null
  trn?: string | null
  tax_regime: TaxRegime
  payout_method?: Record<string, unknown> | null
  contact_email: string
  contact_phone?: string | null
  default_locale?: string
}
