/**
 * SQL fragments of the PostgreSQL provider. Query text is always normalised by the same
 * snail_search_norm() used at indexing, so accents, case and Arabic diacritics never decide a match.
 */

/** The tsvector of one text-search configuration, weighted: title A, subtitle/tags/categories B, options/merchant C, description D. */
export function tsvectorSql(config: "english" | "russian" | "simple", d = "d"): string {
  const v = (weight: string, text: string) => `setweight(to_tsvector('${config}', snail_search_norm(${text})), '${weight}')`
  return [
    v("A", `${d}.title`),
    v("B", `concat_ws(' ', ${d}.subtitle, array_to_string(${d}.tags, ' '), array_to_string(${d}.category_names, ' '))`),
    v("C", `concat_ws(' ', ${d}.options, ${d}.merchant_name)`),
    v("D", `left(${d}.description, 4000)`),
  ].join(" || ")
}

/** The text trigram matching runs on: the short, distinctive fields (a description would add noise). */
export function trgmTextSql(d = "d"): string {
  return `snail_search_norm(concat_ws(' ', ${d}.title, ${d}.subtitle, ${d}.merchant_name, array_to_string(${d}.tags, ' '), array_to_string(${d}.category_names, ' ')))`
}

/**
 * A row matches when any language's stemmed words match, or, for typos, when the query is
 * trigram-similar to a stretch of its short text (`<%`, GIN-indexed; threshold set per search).
 * Each expression is a constant of the query (immutable functions), so the GIN indexes apply.
 * Bindings: the raw query text 4 times.
 */
export const MATCH_SQL = `(
  d.tsv_en @@ websearch_to_tsquery('english', snail_search_norm(?))
  OR d.tsv_ru @@ websearch_to_tsquery('russian', snail_search_norm(?))
  OR d.tsv_simple @@ websearch_to_tsquery('simple', snail_search_norm(?))
  OR snail_search_norm(?) <% d.trgm_text
)`

/** Relevance: cover density of the stemmed matches plus trigram closeness. Bindings: the query 4 times. */
export const RANK_SQL = `(
  ts_rank_cd(d.tsv_en, websearch_to_tsquery('english', snail_search_norm(?)))
  + ts_rank_cd(d.tsv_ru, websearch_to_tsquery('russian', snail_search_norm(?)))
  + ts_rank_cd(d.tsv_simple, websearch_to_tsquery('simple', snail_search_norm(?)))
  + word_similarity(snail_search_norm(?), d.trgm_text)
)`

/** Word-prefix query for autocomplete ("hea" → 'hea':*), built from the normalised words. */
export const PREFIX_TSQUERY_SQL = `(
  SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
  FROM regexp_split_to_table(trim(regexp_replace(snail_search_norm(?), '[^[:alnum:]]+', ' ', 'g')), '\\s+') AS w
  WHERE w <> ''
)`

export const DOCUMENT_COLUMNS = [
  "id", "product_id", "currency_code", "sales_channel_ids", "title", "subtitle", "description", "handle", "thumbnail",
  "kind", "merchant_id", "merchant_name", "category_ids", "category_names", "tags", "options", "price_min", "price_max",
  "price_bucket", "available", "next_slot_at", "popularity", "created_at",
] as const
