import type { SearchDocument, SearchFacets, SearchHit, SearchProvider, SearchQuery, SearchResult, Suggestion } from "../../types"
import { highlightMarked, MARK_END, MARK_START } from "../../highlight"
import { CORRECTIONS_SQL, DOCUMENT_COLUMNS, MATCH_SQL, RANK_SQL, RECORD_WORDS_SQL, trgmTextSql, tsvectorSql } from "./sql"

type Knex = any

export type PostgresSearchOptions = {
  /** pg_trgm similarity a correction needs: 0.45 lets "hedphones" (0.62) become "headphones"; "mugs" is never corrected (under 5 letters). */
  typoThreshold?: number
}

/**
 * Search on the application's own PostgreSQL (DESIGN.md §6, default provider): one
 * `search_document` row per product and currency with tsvectors for English, Russian and a
 * simple/unaccented configuration (Arabic), a trigram text for typos, GIN indexes for all of them.
 */
export class PostgresSearchProvider implements SearchProvider {
  readonly name = "postgres"
  private readonly threshold: number

  constructor(private readonly pg: Knex, options: PostgresSearchOptions = {}) {
    this.threshold = options.typoThreshold ?? 0.45
    // Candidates come from the trigram index through `%` (pg_trgm's default threshold, 0.3), then
    // similarity() applies ours: no transaction and SET LOCAL per query (three round trips fewer).
    if (!(this.threshold >= 0.3 && this.threshold < 1)) throw new Error("search typoThreshold must be at least 0.3 and below 1")
  }

  async setup(): Promise<void> {
    // The module's migration creates the tables; nothing to do per process.
  }

  async clear(): Promise<void> {
    await this.pg.raw(`TRUNCATE search_document`)
  }

  async replaceProducts(productIds: string[], docs: SearchDocument[]): Promise<void> {
    if (!productIds.length) return
    const cols = DOCUMENT_COLUMNS.join(", ")
    await this.pg.transaction(async (trx: Knex) => {
      await trx.raw(`DELETE FROM search_document WHERE product_id = ANY(?)`, [productIds])
      if (!docs.length) return
      await trx.raw(
        `INSERT INTO search_document (${cols}, tsv_en, tsv_ru, tsv_simple, trgm_text, indexed_at)
         SELECT ${DOCUMENT_COLUMNS.map((c) => `d.${c}`).join(", ")},
                ${tsvectorSql("english")}, ${tsvectorSql("russian")}, ${tsvectorSql("simple")}, ${trgmTextSql()}, now()
         FROM jsonb_populate_recordset(NULL::search_document, ?::jsonb) AS d`,
        [JSON.stringify(docs)]
      )
      await trx.raw(RECORD_WORDS_SQL, [productIds])
    })
  }

  /**
   * The query as a simple-configuration tsquery with misspelt words widened to their corrections:
   * "wireles hedphones" → ('wireles' | 'wireless') & ('hedphones' | 'headphones'). With
   * `prefixLast` the last typed word also matches as a prefix (autocomplete).
   */
  private async expandedQuery(db: Knex, q: string, prefixLast = false): Promise<{ text: string; corrected: boolean }> {
    const { rows } = await db.raw(CORRECTIONS_SQL, [this.threshold, q])
    const quote = (w: string) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`
    const lastPos = Math.max(0, ...rows.map((r: any) => Number(r.pos)))
    let corrected = false
    const parts = rows.map((r: any) => {
      const alternatives: string[] = r.alternatives ?? []
      if (alternatives.length) corrected = true
      const self = prefixLast && Number(r.pos) === lastPos ? `${quote(r.word)}:*` : quote(r.word)
      return alternatives.length ? `(${[self, ...alternatives.map(quote)].join(" | ")})` : self
    })
    return { text: parts.join(" & "), corrected }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = query.q?.trim() || ""
    if (!q) return this.searchWith(this.pg, query, "", null)
    return this.searchWith(this.pg, query, q, await this.expandedQuery(this.pg, q))
  }

  private async searchWith(db: Knex, query: SearchQuery, q: string, expanded: { text: string; corrected: boolean } | null): Promise<SearchResult> {
    const where: string[] = []
    const whereArgs: unknown[] = []
    if (q) {
      where.push(MATCH_SQL)
      whereArgs.push(q, q, expanded!.text)
    }
    if (query.currency_code) (where.push(`d.currency_code = ?`), whereArgs.push(query.currency_code))
    if (query.sales_channel_ids?.length) (where.push(`d.sales_channel_ids && ?::text[]`), whereArgs.push(query.sales_channel_ids))
    if (query.kind?.length) (where.push(`d.kind = ANY(?)`), whereArgs.push(query.kind))
    if (query.merchant_id?.length) (where.push(`d.merchant_id = ANY(?)`), whereArgs.push(query.merchant_id))
    if (query.category_id?.length) (where.push(`d.category_ids && ?::text[]`), whereArgs.push(query.category_id))
    if (query.price_min !== undefined) (where.push(`d.price_min >= ?`), whereArgs.push(query.price_min))
    if (query.price_max !== undefined) (where.push(`d.price_min <= ?`), whereArgs.push(query.price_max))
    if (query.available !== undefined) (where.push(`d.available = ?`), whereArgs.push(query.available))

    const rank = q ? RANK_SQL : `0`
    const rankArgs = q ? [q, q, expanded!.text] : []
    // Without a currency a product counts once (its best-ranked currency row).
    const cols = MATCHED_COLUMNS.map((c) => `d.${c}`).join(", ")
    const matched = query.currency_code
      ? `SELECT ${cols}, ${rank} AS rank FROM search_document d WHERE ${where.join(" AND ") || "true"}`
      : `SELECT DISTINCT ON (d.product_id) ${cols}, ${rank} AS rank FROM search_document d WHERE ${where.join(" AND ") || "true"} ORDER BY d.product_id, rank DESC, d.currency_code`
    const order = orderSql(query.sort ?? "relevance", !!q)
    // Highlight with the stemmer of the query's script; a corrected query highlights the corrections.
    const headlineConfig = expanded?.corrected ? "simple" : /[\u0400-\u04FF]/.test(q) ? "russian" : /[A-Za-z]/.test(q) ? "english" : "simple"
    const headlineQuery = expanded?.corrected ? `to_tsquery('simple', ?)` : `websearch_to_tsquery('${headlineConfig}', snail_search_norm(?))`
    const headlineArg = expanded?.corrected ? expanded.text : q
    const mark = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`
    const headline = (col: string) => (q ? `ts_headline('${headlineConfig}', ${col}, ${headlineQuery}, '${mark}')` : col)
    const headlineArgs = q ? [headlineArg, headlineArg] : []
    const facetSql = query.facets === false ? `NULL` : FACETS_SQL

    // A listing page (no text, no facets, one currency: store product listings): count and page
    // straight off the table, so the (currency_code, product_id) index orders and counts it
    // instead of materialising every document of the currency first.
    if (!q && query.facets === false && query.currency_code) {
      const filter = where.join(" AND ")
      const listSql = `
        SELECT (SELECT count(*) FROM search_document d WHERE ${filter})::int AS total,
          (SELECT coalesce(json_agg(h ORDER BY h.ord), '[]') FROM (
             SELECT row_number() OVER (ORDER BY ${order}) AS ord, product_id, title, subtitle, handle, thumbnail, kind,
                    merchant_id, merchant_name, currency_code, price_min, price_max, available, next_slot_at,
                    title AS title_hl, coalesce(subtitle, '') AS subtitle_hl
             FROM (SELECT ${cols}, 0 AS rank FROM search_document d WHERE ${filter} ORDER BY ${order} LIMIT ? OFFSET ?) p) h) AS hits`
      const { rows } = await db.raw(listSql, [...whereArgs, ...whereArgs, query.limit, query.offset])
      return { total: rows[0].total, hits: (rows[0].hits as any[]).map(toHit), facets: null }
    }

    const sql = `
      WITH m AS MATERIALIZED (${matched}),
      page AS (SELECT * FROM m ORDER BY ${order} LIMIT ? OFFSET ?)
      SELECT
        (SELECT count(*) FROM m)::int AS total,
        (SELECT coalesce(json_agg(h ORDER BY h.ord), '[]') FROM (
           SELECT row_number() OVER (ORDER BY ${order}) AS ord, product_id, title, subtitle, handle, thumbnail, kind,
                  merchant_id, merchant_name, currency_code, price_min, price_max, available, next_slot_at,
                  ${headline("title")} AS title_hl, ${headline("coalesce(subtitle, '')")} AS subtitle_hl
           FROM page) h) AS hits,
        ${facetSql} AS facets`

    const result = await db.raw(sql, [...rankArgs, ...whereArgs, query.limit, query.offset, ...headlineArgs])
    const row = result.rows[0]
    return { total: row.total, hits: (row.hits as any[]).map(toHit), facets: query.facets === false ? null : toFacets(row.facets) }
  }

  async suggest(q: string, opts: { currency_code?: string; sales_channel_ids?: string[]; limit: number }): Promise<Suggestion[]> {
    const text = q.trim()
    if (!text) return []
    const filters: string[] = []
    const args: unknown[] = []
    if (opts.currency_code) (filters.push(`d.currency_code = ?`), args.push(opts.currency_code))
    if (opts.sales_channel_ids?.length) (filters.push(`d.sales_channel_ids && ?::text[]`), args.push(opts.sales_channel_ids))
    const filter = filters.length ? `AND ${filters.join(" AND ")}` : ""
    // Titles whose words start with the typed words (misspelt full words corrected), best first.
    {
      const expanded = await this.expandedQuery(this.pg, text, true)
      if (!expanded.text) return []
      const { rows } = await this.pg.raw(
        `SELECT title AS text, product_id FROM (
           SELECT DISTINCT ON (d.product_id) d.product_id, d.title, ts_rank_cd(d.tsv_simple, to_tsquery('simple', ?)) AS score, d.popularity
           FROM search_document d
           WHERE d.tsv_simple @@ to_tsquery('simple', ?) ${filter}
           ORDER BY d.product_id
         ) s ORDER BY score DESC, popularity DESC, title LIMIT ?`,
        [expanded.text, expanded.text, ...args, opts.limit]
      )
      return rows.map((r: any) => ({ text: r.text, product_id: r.product_id }))
    }
  }

  async documentsOf(productIds: string[]): Promise<SearchDocument[]> {
    if (!productIds.length) return []
    const { rows } = await this.pg.raw(`SELECT ${DOCUMENT_COLUMNS.join(", ")} FROM search_document WHERE product_id = ANY(?) ORDER BY id`, [productIds])
    return rows.map(toDocument)
  }

  /**
   * Fresh planner statistics: right after thousands of documents arrive, autovacuum has not yet
   * analysed the table and the planner guessed 99 rows for a currency that had 3 818 (it then
   * filtered every row of the currency instead of using the full-text indexes).
   */
  async afterBulkLoad(): Promise<void> {
    await this.pg.raw(`ANALYZE search_document`)
    await this.pg.raw(`ANALYZE search_word`)
  }

  async allProductIds(): Promise<Set<string>> {
    const { rows } = await this.pg.raw(`SELECT DISTINCT product_id FROM search_document`)
    return new Set(rows.map((r: any) => r.product_id))
  }

}

// What hits and facets read: the tsvectors stay out of the materialised match set.
const MATCHED_COLUMNS = [
  "product_id", "currency_code", "title", "subtitle", "handle", "thumbnail", "kind", "merchant_id", "merchant_name",
  "category_ids", "price_min", "price_max", "price_bucket", "available", "next_slot_at", "popularity", "created_at",
]

const FACETS_SQL = `json_build_object(
  'kind', (SELECT coalesce(json_agg(json_build_object('value', v, 'count', c) ORDER BY c DESC, v), '[]') FROM (SELECT kind v, count(*)::int c FROM m WHERE kind IS NOT NULL GROUP BY kind) x),
  'merchant', (SELECT coalesce(json_agg(json_build_object('value', v, 'count', c) ORDER BY c DESC, v), '[]') FROM (SELECT merchant_id v, count(*)::int c FROM m WHERE merchant_id IS NOT NULL GROUP BY merchant_id) x),
  'category', (SELECT coalesce(json_agg(json_build_object('value', v, 'count', c) ORDER BY c DESC, v), '[]') FROM (SELECT unnest(category_ids) v, count(*)::int c FROM m GROUP BY 1) x),
  'price', (SELECT coalesce(json_agg(json_build_object('bucket', v, 'count', c) ORDER BY v), '[]') FROM (SELECT price_bucket v, count(*)::int c FROM m GROUP BY price_bucket) x),
  'available', (SELECT coalesce(json_agg(json_build_object('value', v, 'count', c) ORDER BY v DESC), '[]') FROM (SELECT available v, count(*)::int c FROM m GROUP BY available) x)
)`

function orderSql(sort: NonNullable<SearchQuery["sort"]>, hasQuery: boolean): string {
  switch (sort) {
    case "price_asc":
      return `price_min ASC, product_id ASC`
    case "price_desc":
      return `price_min DESC, product_id ASC`
    case "newest":
      return `created_at DESC, product_id ASC`
    case "catalogue":
      return `product_id ASC`
    default:
      return hasQuery ? `rank DESC, popularity DESC, created_at DESC, product_id ASC` : `popularity DESC, created_at DESC, product_id ASC`
  }
}

function toHit(r: any): SearchHit {
  return {
    id: r.product_id,
    title: r.title,
    subtitle: r.subtitle ?? null,
    handle: r.handle ?? null,
    thumbnail: r.thumbnail ?? null,
    kind: r.kind ?? null,
    merchant_id: r.merchant_id ?? null,
    merchant_name: r.merchant_name ?? null,
    currency_code: r.currency_code,
    price_min: Number(r.price_min),
    price_max: Number(r.price_max),
    available: r.available,
    next_slot_at: r.next_slot_at ? new Date(r.next_slot_at).toISOString() : null,
    highlights: { title: highlightMarked(r.title_hl), subtitle: r.subtitle == null ? null : highlightMarked(r.subtitle_hl) },
  }
}

function toFacets(f: any): SearchFacets {
  return { kind: f.kind, merchant: f.merchant, category: f.category, price: f.price, available: f.available }
}

function toDocument(r: any): SearchDocument {
  const doc: any = {}
  for (const c of DOCUMENT_COLUMNS) doc[c] = r[c]
  doc.price_min = Number(r.price_min)
  doc.price_max = Number(r.price_max)
  doc.next_slot_at = r.next_slot_at ? new Date(r.next_slot_at).toISOString() : null
  doc.created_at = new Date(r.created_at).toISOString()
  return doc as SearchDocument
}
