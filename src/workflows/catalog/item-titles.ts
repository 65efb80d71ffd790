import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { languageOf, merchantTranslation, readItemNames, type CatalogueText, type ItemNames } from "../../lib/catalog/item-titles"

/** A line item as stored, with what is needed to find its catalogue words. */
export type StoredItem = ItemNames & { id: string; product_id?: string | null; variant_id?: string | null }

/**
 * The catalogue's words for these products and variants in `readerLocale`: the two translation
 * stores that exist — the merchant's `metadata.translations` (dashboard) over Medusa's translation
 * module (seed, admin) — and the base texts. Read here only; src/lib/catalog/item-titles.ts decides.
 */
async function catalogueTexts(scope: MedusaContainer, productIds: string[], variantIds: string[], readerLocale: string) {
  // Called only with a locale that has a language (itemsInReaderLanguage checks).
  const lang = languageOf(readerLocale)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, { data: variants }] = await Promise.all([
    productIds.length ? query.graph({ entity: "product", fields: ["id", "title", "metadata"], filters: { id: productIds }, withDeleted: true } as any) : { data: [] },
    variantIds.length ? query.graph({ entity: "product_variant", fields: ["id", "title"], filters: { id: variantIds }, withDeleted: true } as any) : { data: [] },
  ])
  const rows: any[] = scope.hasRegistration?.(Modules.TRANSLATION) && lang
    ? await (scope.resolve(Modules.TRANSLATION) as any).listTranslations({ reference_id: [...productIds, ...variantIds] }, { take: null })
    : []
  // The exact locale first (ar-AE), else another of the same language (ar, ar-SA).
  const moduleText = (referenceId: string): string | null => {
    const mine = rows.filter((r) => r.reference_id === referenceId && languageOf(r.locale_code) === lang)
    const best = mine.find((r) => r.locale_code.toLowerCase() === readerLocale.toLowerCase()) ?? mine[0]
    const t = best?.translations?.title
    return typeof t === "string" && t.trim() ? t : null
  }
  const product = new Map<string, CatalogueText>()
  for (const p of products as any[]) product.set(p.id, { base: p.title, translated: merchantTranslation(p.metadata, lang) ?? moduleText(p.id) })
  const variant = new Map<string, CatalogueText>()
  for (const v of variants as any[]) variant.set(v.id, { base: v.title, translated: moduleText(v.id) })
  return { product, variant }
}

/**
 * The items' names in the reader's language, the names as bought where the catalogue has nothing
 * for it. `boughtLocale`: the language the stored names are in (the order's or cart's `locale`).
 * Returns copies in the same order; an item without product_id/variant_id keeps its names.
 */
export async function itemsInReaderLanguage<T extends StoredItem>(
  scope: MedusaContainer,
  items: T[],
  readerLocale: string | null | undefined,
  boughtLocale: string | null | undefined
): Promise<T[]> {
  if (!languageOf(readerLocale) || !items.length) return items
  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
  const variantIds = [...new Set(items.map((i) => i.variant_id).filter((id): id is string => !!id))]
  if (!productIds.length && !variantIds.length) return items
  const texts = await catalogueTexts(scope, productIds, variantIds, readerLocale!)
  return items.map((i) =>
    readItemNames(i, { product: i.product_id ? texts.product.get(i.product_id) : null, variant: i.variant_id ? texts.variant.get(i.variant_id) : null }, readerLocale, boughtLocale)
  )
}

/**
 * Names of some of an order's items (by line item id) for a reader: what presenters that read
 * their own item rows (order lines, course library, emails) call.
 */
export async function orderItemNames(scope: MedusaContainer, orderId: string, readerLocale: string | null | undefined) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "items.id", "items.title", "items.subtitle", "items.product_title", "items.variant_title", "items.product_id", "items.variant_id"],
    filters: { id: orderId },
  })
  const items = ((order as any)?.items ?? []).filter(Boolean) as StoredItem[]
  const named = await itemsInReaderLanguage(scope, items, readerLocale, (order as any)?.locale ?? null)
  return new Map(named.map((i) => [i.id, i] as [string, StoredItem]))
}
