/**
 * An order item's names in the reader's language (issue 21).
 *
 * Resolved at read time, not snapshotted per language at add-to-cart or placement:
 * - one order has many readers in different languages (the buyer, who may switch language; each
 *   merchant in its own; emails in each recipient's), so a single snapshot is wrong for most of them,
 *   and a copy of every language per line would be a third translation store beside Medusa's
 *   translation module and the merchant's `metadata.translations`;
 * - the stored title stays the merchant's own words as bought (what fiscal receipts, payout
 *   statements, the admin and Medusa's order accounting use) and is the fallback whenever the
 *   catalogue has nothing better (no translation, product or variant deleted).
 *
 * The stored title is "as bought" in the language it was bought in: the merchant's base text, or
 * the cart's locale when a client created the cart with one (Medusa then stores the module's
 * translation, without the merchant's own). A reader gets the catalogue's translation for their
 * language when there is one; otherwise the names as bought, except when those are in another
 * language than the reader's (an Arabic cart read in English): then the catalogue's base text.
 */

/** The name fields Medusa keeps on a cart or order line item (title = product, subtitle = variant). */
export type ItemNames = {
  title?: string | null
  subtitle?: string | null
  product_title?: string | null
  variant_title?: string | null
}

/** What the catalogue says about one product or variant: its base text and, if any, the reader's translation. */
export type CatalogueText = { base?: string | null; translated?: string | null }

/** "ar-AE" → "ar"; empty or missing → null (the base text's language, unnamed). */
export function languageOf(locale: string | null | undefined): string | null {
  const lang = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0]
  return /^[a-z]{2,3}$/.test(lang) ? lang : null
}

const text = (s: string | null | undefined) => (typeof s === "string" && s.trim() ? s : null)

/**
 * The item's names for a reader in `readerLocale`. `boughtLocale` is the language the stored names
 * are in (Medusa's order/cart `locale`; null = the merchant's base text). Only the fields the item
 * carries are returned, so a partial `fields=` answer stays partial.
 */
export function readItemNames<T extends ItemNames>(
  item: T,
  catalogue: { product?: CatalogueText | null; variant?: CatalogueText | null },
  readerLocale: string | null | undefined,
  boughtLocale: string | null | undefined
): T {
  const reader = languageOf(readerLocale)
  const bought = languageOf(boughtLocale)
  if (!reader) return item
  const pick = (c: CatalogueText | null | undefined): string | null =>
    text(c?.translated) ?? (bought && bought !== reader ? text(c?.base) : null)
  const product = pick(catalogue.product)
  const variant = pick(catalogue.variant)
  if (!product && !variant) return item
  const out: T = { ...item }
  const asBoughtProduct = item.product_title ?? null
  const asBoughtVariant = item.variant_title ?? null
  if (product) {
    if ("product_title" in item) out.product_title = product
    // `title` is the product's name unless a client set its own; a custom title is kept.
    if ("title" in item && (item.title === asBoughtProduct || asBoughtProduct === null)) out.title = product
  }
  if (variant) {
    if ("variant_title" in item) out.variant_title = variant
    if ("subtitle" in item && (item.subtitle === asBoughtVariant || asBoughtVariant === null)) out.subtitle = variant
  }
  return out
}

/**
 * A merchant's own translation of a product (metadata.translations[lang], edited in the dashboard)
 * wins over Medusa's translation module (seeded), as on the product page
 * (storefront/lib/product-translation.ts applies it over the store API's localized answer).
 */
export function merchantTranslation(metadata: Record<string, unknown> | null | undefined, lang: string | null, field: "title" | "description" = "title"): string | null {
  if (!lang) return null
  const all = metadata?.translations as Record<string, Record<string, unknown> | undefined> | undefined
  const v = all?.[lang]?.[field]
  return typeof v === "string" ? text(v) : null
}
