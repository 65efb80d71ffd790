import { generateEntityId, MedusaService } from "@medusajs/framework/utils"
import { SearchIndexQueue } from "./models/index-queue"
import { MeilisearchProvider } from "./providers/meilisearch"
import { PostgresSearchProvider } from "./providers/postgres"
import type { SearchDocument, SearchProvider, SearchQuery, SearchResult, Suggestion } from "./types"

export type SearchModuleOptions = {
  /** "postgres" (default) or "meilisearch" (medusa-config picks it when MEILISEARCH_HOST is set). */
  provider?: "postgres" | "meilisearch"
  typo_threshold?: number
  meilisearch?: { host: string; api_key?: string; index?: string; timeout_ms?: number }
  /** A service counts as available when it has a free slot within this many days. */
  slot_days?: number
  /** A claimed queue row another drain did not finish is retried after this long. */
  claim_timeout_seconds?: number
}

export type QueueEntry = { entity: QueueEntity; entity_id: string; reason?: string }
export const QUEUE_ENTITIES = [
  "product", "variant", "inventory_item", "inventory_level", "reservation", "price", "price_set", "merchant", "booking", "order", "schedule", "course", "all",
] as const
export type QueueEntity = (typeof QUEUE_ENTITIES)[number]
export type ClaimedEntry = QueueEntry & { id: string }

/**
 * The search module (DESIGN.md §6): a provider that answers queries over the search projection
 * and the index queue that keeps the projection fresh. Building documents needs other modules'
 * data, so it lives in src/workflows/search; this module only stores and queries.
 */
export default class SearchModuleService extends MedusaService({ SearchIndexQueue }) {
  protected readonly provider_: SearchProvider
  protected readonly pg_: any
  protected readonly searchOptions_: SearchModuleOptions

  constructor(container: any, options: SearchModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.searchOptions_ = options ?? {}
    this.pg_ = container.__pg_connection__
    this.provider_ =
      this.searchOptions_.provider === "meilisearch"
        ? new MeilisearchProvider(requireMeiliOptions(this.searchOptions_))
        : new PostgresSearchProvider(this.pg_, { typoThreshold: this.searchOptions_.typo_threshold })
  }

  providerName(): string {
    return this.provider_.name
  }

  slotDays(): number {
    return this.searchOptions_.slot_days ?? 14
  }

  setupIndex(): Promise<void> {
    return this.provider_.setup()
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.provider_.search(query)
  }

  suggest(q: string, opts: { currency_code?: string; sales_channel_ids?: string[]; limit: number }): Promise<Suggestion[]> {
    return this.provider_.suggest(q, opts)
  }

  replaceProductDocuments(productIds: string[], docs: SearchDocument[]): Promise<void> {
    return this.provider_.replaceProducts(productIds, docs)
  }

  clearIndex(): Promise<void> {
    return this.provider_.clear()
  }

  indexedDocuments(productIds: string[]): Promise<SearchDocument[]> {
    return this.provider_.documentsOf(productIds)
  }

  async afterBulkLoad(): Promise<void> {
    await this.provider_.afterBulkLoad?.()
  }

  indexedProductIds(): Promise<Set<string>> {
    return this.provider_.allProductIds()
  }

  /** Records changes to re-project; one multi-row insert, no events. */
  async enqueue(entries: QueueEntry[]): Promise<void> {
    if (!entries.length) return
    const rows = entries.map((e) => ({ id: generateEntityId("", "siq"), entity: e.entity, entity_id: e.entity_id, reason: e.reason ?? null }))
    await this.pg_.raw(
      `INSERT INTO search_index_queue (id, entity, entity_id, reason)
       SELECT id, entity, entity_id, reason FROM jsonb_to_recordset(?::jsonb) AS r(id text, entity text, entity_id text, reason text)`,
      [JSON.stringify(rows)]
    )
  }

  /**
   * Claims up to `limit` queued rows (oldest first) that nobody holds or whose claim timed out.
   * SKIP LOCKED lets several drains (server and worker) run without taking the same rows.
   */
  async claimQueue(limit: number): Promise<ClaimedEntry[]> {
    const timeout = Number(this.searchOptions_.claim_timeout_seconds ?? 120)
    const { rows } = await this.pg_.raw(
      `UPDATE search_index_queue q SET claimed_at = now(), attempts = q.attempts + 1, updated_at = now()
       WHERE q.id IN (
         SELECT id FROM search_index_queue
         WHERE deleted_at IS NULL AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => ?))
         ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING q.id, q.entity, q.entity_id, q.reason`,
      [timeout, limit]
    )
    return rows
  }

  /** Done: the rows' products are re-projected. */
  async ackQueue(ids: string[]): Promise<void> {
    if (ids.length) await this.pg_.raw(`DELETE FROM search_index_queue WHERE id = ANY(?)`, [ids])
  }

  /** Failed: free the rows for the next drain now instead of after the claim timeout. */
  async releaseQueue(ids: string[]): Promise<void> {
    if (ids.length) await this.pg_.raw(`UPDATE search_index_queue SET claimed_at = NULL WHERE id = ANY(?)`, [ids])
  }

  async queueDepth(): Promise<number> {
    const { rows } = await this.pg_.raw(`SELECT count(*)::int AS n FROM search_index_queue WHERE deleted_at IS NULL`)
    return rows[0].n
  }
}

function requireMeiliOptions(options: SearchModuleOptions) {
  const m = options.meilisearch
  if (!m?.host) throw new Error("The search module's meilisearch provider needs meilisearch.host (MEILISEARCH_HOST)")
  return m
}
