import type { ProductKindValue } from "../../lib/product-kinds"

/**
 * One row of the search projection: a sellable product in one currency (a region's currency).
 * Amounts are integer minor units of `currency_code`. Built from the source of truth by
 * src/workflows/search/build-documents.ts; every provider indexes exactly these fields.
 */
export type SearchDocument = {
  id: string
  product_id: string
  currency_code: string
  sales_channel_ids: string[]
  title: string
  subtitle: string | null
  description: string | null
  handle: string | null
  thumbnail: string | null
  kind: ProductKindValue | null
  merchant_id: string | null
  merchant_name: string | null
  category_ids: string[]
  category_names: string[]
  tags: string[]
  options: string | null
  price_min: number
  price_max: number
  price_bucket: number
  available: boolean
  next_slot_at: string | null
  popularity: number
  created_at: string
}

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export type SearchQuery = {
  q?: string
  /** Without a currency (Medusa's `/store/products?q=`), a product matches once, in any currency. */
  currency_code?: string
  sales_channel_ids?: string[]
  kind?: ProductKindValue[]
  merchant_id?: string[]
  category_id?: string[]
  /** Bounds on the product's lowest price, minor units, inclusive. */
  price_min?: number
  price_max?: number
  available?: boolean
  /** `catalogue`: product id order, Medusa's default product listing order (store listings read ids here, not exposed to /store/search). */
  sort?: SearchSort | "catalogue"
  limit: number
  offset: number
  /** Skip facet counts (Medusa's product list needs only ids). */
  facets?: boolean
}

export type SearchHit = {
  id: string
  title: string
  subtitle: string | null
  handle: string | null
  thumbnail: string | null
  kind: ProductKindValue | null
  merchant_id: string | null
  merchant_name: string | null
  currency_code: string
  price_min: number
  price_max: number
  available: boolean
  next_slot_at: string | null
  /** Matched words wrapped in <mark>…</mark>; the rest of the text is HTML-escaped. */
  highlights: { title: string; subtitle: string | null }
}

export type FacetCount = { value: string; count: number }

export type SearchFacets = {
  kind: FacetCount[]
  merchant: FacetCount[]
  category: FacetCount[]
  /** Index into PRICE_BUCKETS_MAJOR (see price-buckets.ts). */
  price: { bucket: number; count: number }[]
  available: { value: boolean; count: number }[]
}

export type SearchResult = { hits: SearchHit[]; total: number; facets: SearchFacets | null }

export type Suggestion = { text: string; product_id: string }

/** What every search provider does (DESIGN.md §6): PostgreSQL by default, Meilisearch when configured. */
export interface SearchProvider {
  readonly name: string
  /** Creates indexes/settings; safe to call repeatedly. */
  setup(): Promise<void>
  /** Replaces every document of these products with `docs` (a product absent from docs is removed). */
  replaceProducts(productIds: string[], docs: SearchDocument[]): Promise<void>
  /** Drops everything (full reindex from scratch). */
  clear(): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  suggest(q: string, opts: { currency_code?: string; sales_channel_ids?: string[]; limit: number }): Promise<Suggestion[]>
  /** Every indexed document of these products (for verify). */
  documentsOf(productIds: string[]): Promise<SearchDocument[]>
  /** Every product id present in the index (for verify: documents whose product is gone). */
  allProductIds(): Promise<Set<string>>
  /** After a bulk load: refresh what the engine plans queries with (optional). */
  afterBulkLoad?(): Promise<void>
}
