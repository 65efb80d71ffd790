import { container as appContainer } from "@medusajs/framework"
import type { ITaxProvider, TaxTypes } from "@medusajs/framework/types"
import { resolveTreatment, taxLineCode, type VatTreatment } from "../../../../lib/vat-ae"
import { productVatFacts } from "../../../../workflows/vat-ae/product-facts"
const VAT_AE_MODULE = "vat_ae"

const NAMES: Record<VatTreatment, string> = {
  STANDARD: "VAT 5%",
  ZERO_RATED: "VAT 0% (zero-rated)",
  EXEMPT: "VAT exempt",
  OUT_OF_SCOPE: "No VAT (out of scope)",
}

/**
 * UAE VAT (docs/vat-ae.md). Medusa asks for the tax lines of a cart or order whenever its items or
 * shipping address change; each line gets a rate from the product's treatment (the admin's rules,
 * the merchant's registration, the destination) and a code unique to the line. The rates Medusa
 * found for the tax region are ignored: the treatment table is the source.
 */
export default class AeVatTaxProvider implements ITaxProvider {
  static identifier = "ae-vat"

  getIdentifier(): string {
    return AeVatTaxProvider.identifier
  }

  async getTaxLines(
    itemLines: TaxTypes.ItemTaxCalculationLine[],
    shippingLines: TaxTypes.ShippingTaxCalculationLine[],
    context: TaxTypes.TaxCalculationContext
  ): Promise<(TaxTypes.ItemTaxLineDTO | TaxTypes.ShippingTaxLineDTO)[]> {
    // Cross-module facts need the application's query; a module provider only sees its own module's
    // container, so the app container is resolved lazily here (it is complete once the app runs).
    const facts = await productVatFacts(appContainer as any, itemLines.map((l) => l.line_item.product_id))
    const rules = await (appContainer.resolve(VAT_AE_MODULE) as any).treatmentRules()
    const destination = context.address?.country_code ?? null
    const lines: (TaxTypes.ItemTaxLineDTO | TaxTypes.ShippingTaxLineDTO)[] = []
    for (const l of itemLines) {
      const f = facts.get(l.line_item.product_id)
      const t = resolveTreatment({ categories: f?.categories ?? [], product_type: f?.product_type, kind: f?.kind, destination_country: destination }, f?.merchant, rules)
      lines.push({
        line_item_id: l.line_item.id,
        rate: t.rate_bps / 100,
        code: taxLineCode(t.treatment, l.line_item.id),
        name: NAMES[t.treatment],
        provider_id: this.getIdentifier(),
      })
    }
    // Shipping is sold by the platform (not a merchant): standard-rated inside the UAE, zero-rated
    // as international transport when the goods leave the country.
    for (const s of shippingLines) {
      const domestic = (destination ?? "ae").toLowerCase() === "ae"
      const treatment: VatTreatment = domestic ? "STANDARD" : "ZERO_RATED"
      lines.push({
        shipping_line_id: s.shipping_line.id,
        rate: domestic ? 5 : 0,
        code: taxLineCode(treatment, s.shipping_line.id),
        name: NAMES[treatment],
        provider_id: this.getIdentifier(),
      })
    }
    return lines
  }
}
