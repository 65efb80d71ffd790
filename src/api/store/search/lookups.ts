import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Region currencies and facet labels (merchant and category names) change rarely but were read on
 * every search request — three query.graph calls that cost more than the search itself. Kept in
 * memory for TTL_MS; a renamed merchant shows its old name for at most that long.
 */
const TTL_MS = 30_000
const cache = new Map<string, { value: string | null; at: number }>()

export async function cachedNames(container: MedusaContainer, entity: string, field: string, ids: string[]): Promise<Map<string, string | null>> {
  const now = Date.now()
  const out = new Map<string, string | null>()
  const missing: string[] = []
  for (const id of ids) {
    const hit = cache.get(`${entity}:${field}:${id}`)
    if (hit && now - hit.at < TTL_MS) out.set(id, hit.value)
    else missing.push(id)
  }
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity, fields: ["id", field], filters: { id: missing } })
    const found = new Map((data as any[]).map((r) => [r.id, r[field] ?? null]))
    for (const id of missing) {
      const value = found.has(id) ? (found.get(id) as string | null) : null
      // Unknown ids are not cached: a region created a moment ago must be found on the next request.
      if (found.has(id)) cache.set(`${entity}:${field}:${id}`, { value, at: now })
      out.set(id, value)
    }
  }
  return out
}
