import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SupplierFacts } from "../../lib/vat-ae"

export type ProductVatFacts = {
  product_id: string
  categories: string[]
  product_type: string | null
  kind: string | null
  merchant: (SupplierFacts & { id: string; handle: string; legal_name: string; display_name: string; contact_email?: string | null; contact_phone?: string | null }) | null
}

/** What VAT depends on for each product: its categories, type, kind and merchant (one query). */
export async function productVatFacts(container: MedusaContainer, productIds: string[]): Promise<Map<string, ProductVatFacts>> {
  const ids = [...new Set(productIds.filter(Boolean))]
  const out = new Map<string, ProductVatFacts>()
  if (!ids.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id", "categories.handle", "type.value", "product_kind.kind",
      "merchant.id", "merchant.handle", "merchant.legal_name", "merchant.display_name", "merchant.country_code",
      "merchant.trn", "merchant.tax_regime", "merchant.contact_email", "merchant.contact_phone",
    ],
    filters: { id: ids },
  })
  for (const p of data as any[]) {
    out.set(p.id, {
      product_id: p.id,
      categories: (p.categories ?? []).map((c: any) => c.handle).filter(Boolean),
      product_type: p.type?.value ?? null,
      kind: p.product_kind?.kind ?? null,
      merchant: p.merchant ?? null,
    })
  }
  return out
}
