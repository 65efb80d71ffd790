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
 * A row matches when any language's stemmed words match (english, russian), or the simple
 * configuration matches the query with its misspelt words widened to their corrections
 * (`expandedQuery`). Each tsquery is a constant of the statement, so the GIN indexes apply.
 * Bindings: query text, query text, expanded tsquery text.
 */
export const MATCH_SQL = `(
  d.tsv_en @@ websearch_to_tsquery('english', snail_search_norm(?))
  OR d.tsv_ru @@ websearch_to_tsquery('russian', snail_search_norm(?))
  OR d.tsv_simple @@ to_tsquery('simple', ?)
)`

/** Relevance: cover density over the three configurations (title weighs most). Same bindings as MATCH_SQL. */
export const RANK_SQL = `(
  ts_rank_cd(d.tsv_en, websearch_to_tsquery('english', snail_search_norm(?)))
  + ts_rank_cd(d.tsv_ru, websearch_to_tsquery('russian', snail_search_norm(?)))
  + ts_rank_cd(d.tsv_simple, to_tsquery('simple', ?))
)`

/**
 * The query's words (as the simple configuration indexes them, in order) and, for words of 5+
 * letters that are not indexed as such, up to 3 indexed words within trigram similarity
 * (`%` finds candidates through the trigram index at pg_trgm's default 0.3, similarity() applies
 * the provider's threshold) — "hedphones" → {headphones}. Bindings: the threshold, the query text.
 */
export const CORRECTIONS_SQL = `
  SELECT u.lexeme AS word, u.positions[array_upper(u.positions, 1)] AS pos,
    CASE WHEN length(u.lexeme) < 5 OR EXISTS (SELECT 1 FROM search_word s WHERE s.word = u.lexeme) THEN '{}'::text[]
    ELSE ARRAY(SELECT s.word FROM search_word s WHERE s.word % u.lexeme AND similarity(s.word, u.lexeme) >= ?::real ORDER BY s.word <-> u.lexeme, s.word LIMIT 3) END AS alternatives
  FROM unnest(to_tsvector('simple', snail_search_norm(?))) AS u
  ORDER BY pos`

/** Records the words of these products' documents for typo correction. Binding: product ids. */
export const RECORD_WORDS_SQL = `INSERT INTO search_word (word)
  SELECT DISTINCT w FROM search_document d, unnest(tsvector_to_array(d.tsv_simple)) AS w
  WHERE d.product_id = ANY(?) AND length(w) >= 3
  ON CONFLICT DO NOTHING`

export const DOCUMENT_COLUMNS = [
  "id", "product_id", "currency_code", "sales_channel_ids", "title", "subtitle", "description", "handle", "thumbnail",
  "kind", "merchant_id", "merchant_name", "category_ids", "category_names", "tags", "options", "price_min", "price_max",
  "price_bucket", "available", "next_slot_at", "popularity", "created_at",
] as const
