import type { Locale } from "./i18n"

type Texts = { title?: string; description?: string }
type Translatable = { title?: string | null; description?: string | null; metadata?: Record<string, unknown> | null }

/**
 * The product in the reader's language: merchants write the title and description per language in
 * the dashboard (stored in the product's `metadata.translations`, docs/merchant-api.md); a
 * language without a translation keeps the merchant's own text.
 */
export function localizeProduct<T extends Translatable>(product: T, locale: Locale): T {
  const all = product.metadata?.translations as Record<string, Texts | undefined> | undefined
  const own = all?.[locale]
  if (!own) return product
  return {
    ...product,
    ...(own.title?.trim() ? { title: own.title } : {}),
    ...(own.description?.trim() ? { description: own.description } : {}),
  }
}
