import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { TreatmentRule } from "../../lib/vat-ae"
import { VAT_AE_MODULE } from "../../modules/vat-ae"

export const AE_VAT_PROVIDER_ID = "tp_ae-vat_uae"

/**
 * FTA categories that can apply to a marketplace's products (Federal Decree-Law No. 8 of 2017,
 * Art. 45 zero-rated, Art. 46 exempt); the admin edits them at /admin/vat/treatment-rules.
 */
export const DEFAULT_TREATMENT_RULES: (TreatmentRule & { note: string })[] = [
  { match_type: "category", match_value: "education", treatment: "ZERO_RATED", note: "Education by a recognised institution (Art. 45(11))" },
  { match_type: "category", match_value: "healthcare", treatment: "ZERO_RATED", note: "Preventive and basic healthcare (Art. 45(12))" },
  { match_type: "category", match_value: "international-transport", treatment: "ZERO_RATED", note: "International transport of goods or passengers (Art. 45(3))" },
  { match_type: "category", match_value: "investment-precious-metals", treatment: "ZERO_RATED", note: "Investment gold, silver and platinum, 99 % pure (Art. 45(9))" },
  { match_type: "category", match_value: "financial-services", treatment: "EXEMPT", note: "Margin-based financial services (Art. 46(1))" },
  { match_type: "category", match_value: "residential-property", treatment: "EXEMPT", note: "Residential leases and sales (Art. 46(2))" },
  { match_type: "category", match_value: "local-passenger-transport", treatment: "EXEMPT", note: "Local passenger transport (Art. 46(4))" },
  { match_type: "category", match_value: "donations", treatment: "OUT_OF_SCOPE", note: "No supply: donations without consideration" },
]

/** Self-idempotent: the UAE tax region uses the AE VAT provider; default rules when there are none. */
export async function seedVatAe(container: ExecArgs["container"]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const tax = container.resolve(Modules.TAX)
  const regions = await tax.listTaxRegions({ country_code: "ae", parent_id: null } as any)
  if (!regions.length) {
    await tax.createTaxRegions({ country_code: "ae", provider_id: AE_VAT_PROVIDER_ID })
    logger.info("UAE VAT: tax region ae created on the AE VAT provider")
  } else if (regions[0].provider_id !== AE_VAT_PROVIDER_ID) {
    await tax.updateTaxRegions({ id: regions[0].id, provider_id: AE_VAT_PROVIDER_ID } as any)
    logger.info("UAE VAT: tax region ae switched to the AE VAT provider")
  }
  await giveDemoSupplierAnAddress(container)
  const vat = container.resolve(VAT_AE_MODULE) as any
  const [, count] = await vat.listAndCountVatTreatmentRules({}, { take: 1 })
  if (!count) {
    await vat.createVatTreatmentRules(DEFAULT_TREATMENT_RULES)
    logger.info(`UAE VAT: ${DEFAULT_TREATMENT_RULES.length} default treatment rules`)
  }
}

/**
 * A tax invoice shows the supplier's address, taken from the merchant's stock location; the demo
 * UAE merchant's location was created with a placeholder ("—"), so it gets a real-looking one.
 */
async function giveDemoSupplierAnAddress(container: ExecArgs["container"]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "merchant", fields: ["id", "stock_location.id", "stock_location.address.address_1"], filters: { handle: "desert-wellness" } })
  const location = (data[0] as any)?.stock_location
  if (!location || (location.address?.address_1 && location.address.address_1 !== "—")) return
  await container.resolve(Modules.STOCK_LOCATION).updateStockLocations(
    { id: location.id },
    { address: { address_1: "Building 64, Office 1203, Dubai Healthcare City", city: "Dubai", country_code: "ae" } }
  )
}
