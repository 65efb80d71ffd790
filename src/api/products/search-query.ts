import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"
import { MAX_QUERY_LENGTH } from "../store/search/validators"
import { searchService } from "../../workflows/search/indexer"
import { unsellableProducts } from "../../workflows/marketplace/product-sellability"
import { NO_PRODUCT, serveProductPage } from "./page-of-ids"
import { requestRegionCurrency } from "./sellable-middlewares"

// Matches no product: the core list then answers an empty page.
// With other filters or an explicit order Medusa pages, over at most this many best matches.
const MAX_MATCHES = 1000
// Filters the core list always carries in the store (publishable key, our visibility rules).
const ALWAYS_PRESENT = new Set(["q", "id", "sales_channel_id", "status"])

/**
 * `GET /store/products?q=` through the search engine instead of Medusa's ILIKE scan (issue 18):
 * standard clients get the same matching (stems, typos, Arabic) and speed as /store/search.
 * Registered after our product filters (kind, merchant, hidden merchants), which the engine
 * applies itself. Plain `q` with the default order: the engine pages and ranks, Medusa loads the
 * page's products. With other filters or `order`: the engine's matches narrow Medusa's query.
 * The visibility rules applyProductFilters enforces on other listings hold here through the
 * index (approved merchants, published, sales channels, priced in the region's currency) plus a
 * check of the found ids alone for the rest (a course without lessons, a service without a
 * schedule): such a product is left off its page, though the engine's count still includes it.
 */
export async function productSearchQuery(req: MedusaRequest & { productFilters?: { kind?: string; merchant_id?: string } }, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const filters = (req.filterableFields ?? {}) as Record<string, any>
    const q = typeof filters.q === "string" ? filters.q.trim() : ""
    delete filters.q
    if (!q) return next()
    if (q.length > MAX_QUERY_LENGTH) throw new SnailError(400, "SEARCH_QUERY_TOO_LONG", `q is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`, "q")

    const keyChannels: string[] = (req as any).publishable_key_context?.sales_channel_ids ?? []
    const pagination = (req.queryConfig?.pagination ?? {}) as { skip?: number; take?: number; order?: Record<string, unknown> }
    const explicitIds = Array.isArray(filters.id) ? new Set<string>(filters.id) : typeof filters.id === "string" ? new Set([filters.id]) : null
    const enginePages = !explicitIds && !Object.keys(filters).some((k) => !ALWAYS_PRESENT.has(k)) && !req.query.order
    const { kind, merchant_id } = req.productFilters ?? {}
    // In the buyer's region only what is priced in its currency (one document per product then).
    const currency = (await requestRegionCurrency(req as any))?.toLowerCase()
    const base = {
      q, sales_channel_ids: keyChannels.length ? keyChannels : ["sc_none"], facets: false,
      currency_code: currency, kind: kind ? [kind as any] : undefined, merchant_id: merchant_id ? [merchant_id] : undefined,
    }
    const sellable = async (ids: string[]) => {
      if (!currency || !ids.length) return ids
      const refused = await unsellableProducts(req.scope, { product_ids: ids, currency_code: currency, published_only: true })
      return ids.filter((id) => !refused.has(id))
    }

    if (enginePages) {
      const skip = pagination.skip ?? 0
      const take = pagination.take ?? 50
      const result = await searchService(req.scope).search({ ...base, limit: take, offset: skip })
      const ids = await sellable(result.hits.map((h) => h.id))
      serveProductPage(req, res, ids, { total: result.total, skip, take })
    } else {
      const result = await searchService(req.scope).search({ ...base, limit: MAX_MATCHES, offset: 0 })
      const ids = await sellable(result.hits.map((h) => h.id).filter((id) => !explicitIds || explicitIds.has(id)))
      filters.id = ids.length ? ids : [NO_PRODUCT]
    }
    next()
  } catch (e) {
    next(e)
  }
}
