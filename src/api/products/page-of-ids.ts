import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** An id no product has: an empty page still gives Medusa an `id` filter, so it loads nothing. */
export const NO_PRODUCT = "prod_none"

/**
 * Has Medusa's product list route load exactly `ids` — a page the search engine chose — and answer
 * them in that order, with the engine's `total` as `count` and the client's own offset and limit
 * (Medusa itself then pages from 0 over just these ids).
 */
export function serveProductPage(req: MedusaRequest, res: MedusaResponse, ids: string[], page: { total: number; skip: number; take: number }) {
  const filters = (req.filterableFields ?? {}) as Record<string, unknown>
  filters.id = ids.length ? ids : [NO_PRODUCT]
  const pagination = (req.queryConfig?.pagination ?? {}) as { skip?: number }
  pagination.skip = 0
  const rank = new Map(ids.map((id, i) => [id, i]))
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode < 400 && Array.isArray(body?.products)) {
      body.products.sort((a: any, b: any) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
      body.count = page.total
      body.offset = page.skip
      body.limit = page.take
    }
    return json(body)
  }) as typeof res.json
}
