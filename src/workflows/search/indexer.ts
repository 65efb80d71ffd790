import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE } from "../../modules/booking"
import { SEARCH_MODULE } from "../../modules/search"
import type SearchModuleService from "../../modules/search/service"
import type { ClaimedEntry, QueueEntry } from "../../modules/search/service"
import type { SearchDocument } from "../../modules/search/types"
import { buildSearchDocuments } from "./build-documents"

export const searchService = (c: MedusaContainer): SearchModuleService => c.resolve(SEARCH_MODULE)

/** Queues changes for re-projection (subscribers call this; the drain job does the work). */
export async function enqueueSearchChanges(container: MedusaContainer, entries: QueueEntry[]) {
  const valid = entries.filter((e) => typeof e.entity_id === "string" && e.entity_id)
  if (valid.length) await searchService(container).enqueue(valid)
}

/**
 * A change outside the event bus that decides whether products can be sold (a course's lessons, a
 * service's schedules): queued and drained soon, like a subscriber's.
 */
export async function reprojectSoon(container: MedusaContainer, productIds: (string | null | undefined)[], reason: string) {
  await enqueueSearchChanges(container, productIds.map((id) => ({ entity: "product" as const, entity_id: id as string, reason })))
  drainSoon(container)
}

/** Re-projects these products now: their documents are rebuilt from the source and replaced as a whole. */
export async function reindexProducts(container: MedusaContainer, productIds: string[]): Promise<number> {
  const search = searchService(container)
  const ids = [...new Set(productIds)]
  if (!ids.length) return 0
  const docs = await buildSearchDocuments(container, ids, { slotDays: search.slotDays() })
  await search.replaceProductDocuments(ids, docs)
  return docs.length
}

/**
 * Drains the index queue in batches until it is empty (or `maxBatches` ran). A batch's rows are
 * deleted only after its products are re-projected; on failure they are released for a retry.
 */
export async function drainSearchQueue(container: MedusaContainer, opts: { batchSize?: number; maxBatches?: number } = {}) {
  const search = searchService(container)
  let processed = 0
  for (let batch = 0; batch < (opts.maxBatches ?? Infinity); batch++) {
    const claimed = await search.claimQueue(opts.batchSize ?? 200)
    if (!claimed.length) break
    try {
      if (claimed.some((c) => c.entity === "all")) await reindexAll(container)
      else await reindexProducts(container, await productIdsOf(container, claimed))
      await search.ackQueue(claimed.map((c) => c.id))
      processed += claimed.length
    } catch (e) {
      await search.releaseQueue(claimed.map((c) => c.id))
      throw e
    }
  }
  return processed
}

/** Every product re-projected, page by page; documents of products that no longer exist are dropped. */
export async function reindexAll(container: MedusaContainer, opts: { pageSize?: number; log?: (m: string) => void } = {}) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const search = searchService(container)
  await search.setupIndex()
  const before = await search.indexedProductIds()
  const pageSize = opts.pageSize ?? 250
  let documents = 0
  let seen = 0
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], pagination: { skip, take: pageSize, order: { id: "ASC" } } })
    if (!data.length) break
    const ids = (data as any[]).map((p) => p.id)
    for (const id of ids) before.delete(id)
    documents += await reindexProducts(container, ids)
    seen += ids.length
    opts.log?.(`reindexed ${seen} products (${documents} documents)`)
  }
  if (before.size) await search.replaceProductDocuments([...before], [])
  await search.afterBulkLoad()
  return { products: seen, documents, removed: before.size }
}

export type Drift = { product_id: string; problem: "missing" | "stale" | "unexpected"; fields?: string[] }

/** Compares the index with documents rebuilt from the source of truth; lists every difference. */
export async function verifySearchIndex(container: MedusaContainer, opts: { pageSize?: number } = {}) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const search = searchService(container)
  const indexed = await search.indexedProductIds()
  const drift: Drift[] = []
  let checked = 0
  const pageSize = opts.pageSize ?? 250
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], pagination: { skip, take: pageSize, order: { id: "ASC" } } })
    if (!data.length) break
    const ids = (data as any[]).map((p) => p.id)
    for (const id of ids) indexed.delete(id)
    const expected = await buildSearchDocuments(container, ids, { slotDays: search.slotDays() })
    const actual = await search.indexedDocuments(ids)
    drift.push(...compareDocuments(ids, expected, actual))
    checked += ids.length
  }
  for (const id of indexed) drift.push({ product_id: id, problem: "unexpected" })
  return { checked, drift }
}

const COMPARED: (keyof SearchDocument)[] = [
  "currency_code", "sales_channel_ids", "title", "subtitle", "description", "handle", "thumbnail", "kind", "merchant_id",
  "merchant_name", "category_ids", "category_names", "tags", "options", "price_min", "price_max", "price_bucket", "available",
]

export function compareDocuments(productIds: string[], expected: SearchDocument[], actual: SearchDocument[]): Drift[] {
  const drift: Drift[] = []
  const byId = (docs: SearchDocument[]) => new Map(docs.map((d) => [d.id, d]))
  const exp = byId(expected)
  const act = byId(actual)
  for (const productId of productIds) {
    const e = expected.filter((d) => d.product_id === productId)
    const a = actual.filter((d) => d.product_id === productId)
    if (!e.length && !a.length) continue
    if (e.length && !a.length) {
      drift.push({ product_id: productId, problem: "missing" })
      continue
    }
    if (!e.length && a.length) {
      drift.push({ product_id: productId, problem: "unexpected" })
      continue
    }
    const fields = new Set<string>()
    for (const doc of e) {
      const other = act.get(doc.id)
      if (!other) fields.add("currency_code")
      else for (const f of COMPARED) if (JSON.stringify(doc[f] ?? null) !== JSON.stringify(other[f] ?? null)) fields.add(f)
    }
    for (const doc of a) if (!exp.has(doc.id)) fields.add("currency_code")
    if (fields.size) drift.push({ product_id: productId, problem: "stale", fields: [...fields].sort() })
  }
  return drift
}

/** Queue rows name what the event named; resolve each to the products whose documents it affects. */
async function productIdsOf(container: MedusaContainer, entries: ClaimedEntry[]): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entity_id))]
  const out = new Set<string>([...ids("product"), ...ids("schedule"), ...ids("course")])
  const graph = async (entity: string, fields: string[], entityIds: string[], pick: (row: any) => (string | undefined)[]) => {
    if (!entityIds.length) return [] as string[]
    const { data } = await query.graph({ entity, fields, filters: { id: entityIds }, withDeleted: true } as any)
    return (data as any[]).flatMap(pick).filter((id): id is string => !!id)
  }
  const add = (target: Set<string>, values: string[]) => values.forEach((v) => target.add(v))
  // Ids that name another entity first: levels and reservations → inventory items, prices → price sets.
  const items = new Set(ids("inventory_item"))
  const priceSets = new Set(ids("price_set"))
  add(items, await graph("inventory_level", ["id", "inventory_item_id"], ids("inventory_level"), (l) => [l.inventory_item_id]))
  add(items, await graph("reservation", ["id", "inventory_item_id"], ids("reservation"), (r) => [r.inventory_item_id]))
  add(priceSets, await graph("price", ["id", "price_set_id"], ids("price"), (p) => [p.price_set_id]))
  if (ids("booking").length) {
    const bookings: any[] = await container.resolve<any>(BOOKING_MODULE).listBookings({ id: ids("booking") }, { select: ["product_id"], withDeleted: true })
    add(out, bookings.map((b) => b.product_id))
  }
  add(out, await graph("product_variant", ["id", "product_id"], ids("variant"), (v) => [v.product_id]))
  add(out, await graph("inventory_item", ["id", "variants.product_id"], [...items], (i) => (i.variants ?? []).map((v: any) => v?.product_id)))
  add(out, await graph("price_set", ["id", "variant.product_id"], [...priceSets], (s) => [s.variant?.product_id]))
  add(out, await graph("order", ["id", "items.product_id"], ids("order"), (o) => (o.items ?? []).map((i: any) => i?.product_id)))
  add(out, await graph("merchant", ["id", "products.id"], ids("merchant"), (m) => (m.products ?? []).map((p: any) => p?.id)))
  return [...out]
}

let drainTimer: NodeJS.Timeout | undefined
let draining = false
let pending = false

/**
 * Starts a drain shortly (events of one write arrive together: they share one batch). The
 * scheduled job is the safety net; rows stay queued if this drain fails or the process exits.
 */
export function drainSoon(container: MedusaContainer, delayMs = 100) {
  if (draining) pending = true
  if (drainTimer || draining) return
  drainTimer = setTimeout(async () => {
    drainTimer = undefined
    draining = true
    try {
      await drainSearchQueue(container, { maxBatches: 20 })
    } catch (e) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`search: queue drain failed, the job retries it: ${(e as Error).message}`)
    } finally {
      draining = false
      // Rows queued while this drain ran may have missed its last claim.
      if (pending) (pending = false), drainSoon(container, 0)
    }
  }, delayMs)
  drainTimer.unref?.()
}
