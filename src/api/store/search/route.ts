import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bucketRange } from "../../../modules/search/price-buckets"
import type { SearchFacets, SearchHit } from "../../../modules/search/types"
import { searchService } from "../../../workflows/search/indexer"
import { searchContext } from "./context"
import { cachedNames } from "./lookups"
import { parseSearchParams } from "./validators"

/**
 * GET /store/search — products for a listing: hits with the fields a card needs (prices in integer
 * minor units of the region's currency, highlights), the total, and facet counts over the whole
 * result (kind, merchant, category, price buckets, availability). docs/search.md.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = parseSearchParams(req.query as Record<string, unknown>)
  const ctx = await searchContext(req, params)
  const result = await searchService(req.scope).search({
    q: params.q, currency_code: ctx.currency_code, sales_channel_ids: ctx.sales_channel_ids,
    kind: params.kind, merchant_id: params.merchant_id, category_id: params.category_id,
    price_min: params.price_min, price_max: params.price_max, available: params.available,
    sort: params.sort, limit: params.limit, offset: params.offset,
  })
  res.json({
    region_id: ctx.region_id,
    currency_code: ctx.currency_code,
    q: params.q,
    sort: params.sort,
    limit: params.limit,
    offset: params.offset,
    total: result.total,
    hits: result.hits.map(toCard),
    facets: await labelFacets(req, result.facets!, ctx.currency_code),
  })
}

function toCard(h: SearchHit) {
  return {
    id: h.id, title: h.title, subtitle: h.subtitle, handle: h.handle, thumbnail: h.thumbnail, kind: h.kind,
    merchant: h.merchant_id ? { id: h.merchant_id, display_name: h.merchant_name } : null,
    price: { currency_code: h.currency_code, min_amount: h.price_min, max_amount: h.price_max },
    available: h.available, next_slot_at: h.next_slot_at, highlights: h.highlights,
  }
}

/** Facet values come back as ids: merchants and categories get their display names here. */
async function labelFacets(req: MedusaRequest, f: SearchFacets, currency: string) {
  const names = (entity: string, field: string, ids: string[]) => cachedNames(req.scope, entity, field, ids)
  const merchants = await names("merchant", "display_name", f.merchant.map((m) => m.value))
  const categories = await names("product_category", "name", f.category.map((c) => c.value))
  return {
    kind: f.kind,
    merchant: f.merchant.map((m) => ({ ...m, label: merchants.get(m.value) ?? null })),
    category: f.category.map((c) => ({ ...c, label: categories.get(c.value) ?? null })),
    price: f.price.map((p) => ({ ...p, ...rangeOf(p.bucket, currency) })),
    available: f.available,
  }
}

function rangeOf(bucket: number, currency: string) {
  const r = bucketRange(bucket, currency)
  return { from_amount: r.from, to_amount: r.to }
}
