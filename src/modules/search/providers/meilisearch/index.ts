import type * as MeiliTypes from "meilisearch" with { "resolution-mode": "require" }
// The client's types are published for ESM; its CommonJS build is what this (CommonJS) app loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Meilisearch } = require("meilisearch") as typeof MeiliTypes
import { highlightMarked, MARK_END, MARK_START } from "../../highlight"
import type { FacetCount, SearchDocument, SearchFacets, SearchHit, SearchProvider, SearchQuery, SearchResult, Suggestion } from "../../types"

export type MeilisearchOptions = { host: string; api_key?: string; index?: string; timeout_ms?: number }

const FACETS = ["kind", "merchant_id", "category_ids", "price_bucket", "available"]

/**
 * Meilisearch index settings (https://www.meilisearch.com/docs/reference/api/settings): what is
 * searched (in weight order), filtered, faceted and sorted. Typo tolerance is Meilisearch's own
 * (1 typo from 5 letters, 2 from 9), which also covers most Russian inflections ("кружки" →
 * "кружка"); Meilisearch has no stemming.
 */
export const MEILI_SETTINGS = {
  searchableAttributes: ["title", "subtitle", "tags", "category_names", "merchant_name", "options", "description"],
  filterableAttributes: ["product_id", "currency_code", "sales_channel_ids", "kind", "merchant_id", "category_ids", "price_min", "price_bucket", "available"],
  sortableAttributes: ["price_min", "created_at", "popularity", "product_id"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  synonyms: {
    headphones: ["earphones", "headset"],
    mug: ["cup"],
    кружка: ["чашка"],
  },
  pagination: { maxTotalHits: 100000 },
  // "sort" first: a buyer who picks "cheapest first" gets strict price order; without a sort the
  // rule is skipped and relevance decides.
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
}

/** Meilisearch document ids allow only [A-Za-z0-9_-]: ours ("prod_1:eur") are kept in `id`, the key is derived. */
const keyOf = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_")
const quote = (v: string | number | boolean) => (typeof v === "string" ? JSON.stringify(v) : String(v))
const inList = (attr: string, values: string[]) => `${attr} IN [${values.map(quote).join(", ")}]`

/** Search on a Meilisearch server through the official client (selected when MEILISEARCH_HOST is set). */
export class MeilisearchProvider implements SearchProvider {
  readonly name = "meilisearch"
  private readonly client: MeiliTypes.Meilisearch
  private readonly indexUid: string
  private ready?: Promise<void>

  constructor(private readonly options: MeilisearchOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.api_key, timeout: options.timeout_ms ?? 10_000 })
    this.indexUid = options.index ?? "products"
  }

  private get index() {
    return this.client.index<any>(this.indexUid)
  }

  /** Creates the index (an existing one is fine) and applies the settings; once per process. */
  setup(): Promise<void> {
    this.ready ??= (async () => {
      const created = await this.client.createIndex(this.indexUid, { primaryKey: "doc_key" }).waitTask()
      if (created.status === "failed" && created.error?.code !== "index_already_exists") throw taskError(created)
      await this.wait(this.index.updateSettings(MEILI_SETTINGS))
    })().catch((e) => {
      this.ready = undefined
      throw e
    })
    return this.ready
  }

  async clear(): Promise<void> {
    await this.setup()
    await this.wait(this.index.deleteAllDocuments())
  }

  async replaceProducts(productIds: string[], docs: SearchDocument[]): Promise<void> {
    if (!productIds.length) return
    await this.setup()
    // Tasks of one index run in order: the delete completes before the additions.
    const deletion = this.index.deleteDocuments({ filter: inList("product_id", productIds) })
    const addition = docs.length ? this.index.addDocuments(docs.map((d) => ({ ...d, doc_key: keyOf(d.id) }))) : undefined
    await this.wait(deletion)
    if (addition) await this.wait(addition)
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.setup()
    const q = query.q?.trim() ?? ""
    const paged = query.offset % query.limit === 0
    const response: any = await this.index.search(q, {
      filter: filtersOf(query),
      // Every word must match, as in the PostgreSQL provider (Meilisearch's default drops words).
      matchingStrategy: "all",
      facets: query.facets === false ? undefined : FACETS,
      sort: sortOf(query.sort ?? "relevance", !!q),
      ...(paged ? { hitsPerPage: query.limit, page: query.offset / query.limit + 1 } : { limit: query.limit, offset: query.offset }),
      ...(query.currency_code ? {} : { distinct: "product_id" }),
      attributesToHighlight: q ? ["title", "subtitle"] : [],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    })
    return {
      hits: response.hits.map(toHit),
      // With page/hitsPerPage Meilisearch counts exhaustively; with limit/offset it estimates.
      total: response.totalHits ?? response.estimatedTotalHits ?? 0,
      facets: query.facets === false ? null : toFacets(response.facetDistribution ?? {}),
    }
  }

  async suggest(q: string, opts: { currency_code?: string; sales_channel_ids?: string[]; limit: number }): Promise<Suggestion[]> {
    if (!q.trim()) return []
    await this.setup()
    const response: any = await this.index.search(q.trim(), {
      filter: filtersOf({ currency_code: opts.currency_code, sales_channel_ids: opts.sales_channel_ids, limit: opts.limit, offset: 0 }),
      limit: opts.limit,
      matchingStrategy: "all",
      distinct: "product_id",
      attributesToRetrieve: ["product_id", "title"],
    })
    return response.hits.map((h: any) => ({ text: h.title, product_id: h.product_id }))
  }

  async documentsOf(productIds: string[]): Promise<SearchDocument[]> {
    if (!productIds.length) return []
    await this.setup()
    const out: SearchDocument[] = []
    for (let offset = 0; ; offset += 1000) {
      const page: any = await this.index.getDocuments({ filter: inList("product_id", productIds), limit: 1000, offset })
      out.push(...page.results.map(stripKey))
      if (page.results.length < 1000) break
    }
    return out.sort((a, b) => a.id.localeCompare(b.id))
  }

  async allProductIds(): Promise<Set<string>> {
    await this.setup()
    const ids = new Set<string>()
    for (let offset = 0; ; offset += 1000) {
      const page: any = await this.index.getDocuments({ fields: ["product_id"], limit: 1000, offset })
      for (const d of page.results) ids.add(d.product_id)
      if (page.results.length < 1000) break
    }
    return ids
  }

  private async wait(task: { waitTask: (o?: any) => Promise<any> }) {
    const done = await task.waitTask({ timeout: this.options.timeout_ms ?? 10_000, interval: 25 })
    if (done.status !== "succeeded") throw taskError(done)
    return done
  }
}

function taskError(task: any): Error {
  return new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.code ?? ""} ${task.error?.message ?? ""}`.trim())
}

function filtersOf(query: SearchQuery): string[] {
  const f: string[] = []
  if (query.currency_code) f.push(`currency_code = ${quote(query.currency_code)}`)
  if (query.sales_channel_ids?.length) f.push(inList("sales_channel_ids", query.sales_channel_ids))
  if (query.kind?.length) f.push(inList("kind", query.kind))
  if (query.merchant_id?.length) f.push(inList("merchant_id", query.merchant_id))
  if (query.category_id?.length) f.push(inList("category_ids", query.category_id))
  if (query.price_min !== undefined) f.push(`price_min >= ${Math.trunc(query.price_min)}`)
  if (query.price_max !== undefined) f.push(`price_min <= ${Math.trunc(query.price_max)}`)
  if (query.available !== undefined) f.push(`available = ${query.available}`)
  return f
}

function sortOf(sort: NonNullable<SearchQuery["sort"]>, hasQuery: boolean): string[] | undefined {
  switch (sort) {
    case "price_asc":
      return ["price_min:asc", "product_id:asc"]
    case "price_desc":
      return ["price_min:desc", "product_id:asc"]
    case "newest":
      return ["created_at:desc", "product_id:asc"]
    case "catalogue":
      return ["product_id:asc"]
    default:
      // Relevance with a query is Meilisearch's own ranking; without one, most popular and newest first.
      return hasQuery ? undefined : ["popularity:desc", "created_at:desc", "product_id:asc"]
  }
}

function stripKey(d: any): SearchDocument {
  const { doc_key: _key, _formatted: _f, ...doc } = d
  return doc
}

function toHit(h: any): SearchHit {
  const f = h._formatted ?? {}
  return {
    id: h.product_id,
    title: h.title,
    subtitle: h.subtitle ?? null,
    handle: h.handle ?? null,
    thumbnail: h.thumbnail ?? null,
    kind: h.kind ?? null,
    merchant_id: h.merchant_id ?? null,
    merchant_name: h.merchant_name ?? null,
    currency_code: h.currency_code,
    price_min: h.price_min,
    price_max: h.price_max,
    available: h.available,
    next_slot_at: h.next_slot_at ?? null,
    highlights: { title: highlightMarked(f.title ?? h.title), subtitle: h.subtitle == null ? null : highlightMarked(f.subtitle ?? h.subtitle) },
  }
}

function toFacets(dist: Record<string, Record<string, number>>): SearchFacets {
  const counts = (attr: string): FacetCount[] =>
    Object.entries(dist[attr] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return {
    kind: counts("kind"),
    merchant: counts("merchant_id"),
    category: counts("category_ids"),
    price: counts("price_bucket").map((c) => ({ bucket: Number(c.value), count: c.count })).sort((a, b) => a.bucket - b.bucket),
    available: counts("available").map((c) => ({ value: c.value === "true", count: c.count })).sort((a, b) => Number(b.value) - Number(a.value)),
  }
}
