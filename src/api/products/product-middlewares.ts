import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import MerchantProductLink from "../../links/merchant-product"
import { isProductKind, PRODUCT_KINDS, ProductKindValue } from "../../lib/product-kinds"
import { SnailError } from "../../lib/snail-error"
import { PRODUCT_PAGE_FACTS, unsellableProducts } from "../../workflows/marketplace/product-sellability"
import { searchService } from "../../workflows/search/indexer"
import { NO_PRODUCT, serveProductPage } from "./page-of-ids"
import { requestRegionCurrency } from "./sellable-middlewares"

type ProductFilters = { kind?: ProductKindValue; merchant_id?: string }
type FilteredRequest = MedusaRequest & { productFilters?: ProductFilters }

// Matches no product: the core list then answers an empty page instead of ignoring the filter.

/**
 * Runs before Medusa's query validators (registered without `methods`), which reject unknown
 * query parameters: takes our filters (`kind`, `merchant_id`) out of the query for later.
 */
export function takeProductFilters(req: FilteredRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" || !req.query) return next()
  const filters: ProductFilters = {}
  if ("kind" in req.query) {
    const kind = req.query.kind
    delete (req.query as Record<string, unknown>).kind
    if (!isProductKind(kind)) {
      return next(
        new SnailError(400, "INVALID_PRODUCT_KIND", `Invalid value for field 'kind': expected one of ${PRODUCT_KINDS.join(", ")}, got '${String(kind)}'`, "kind")
      )
    }
    filters.kind = kind
  }
  if ("merchant_id" in req.query) {
    const merchantId = req.query.merchant_id
    delete (req.query as Record<string, unknown>).merchant_id
    if (typeof merchantId !== "string" || !merchantId) {
      return next(new SnailError(400, "INVALID_FIELD", "merchant_id must be a single merchant id", "merchant_id"))
    }
    filters.merchant_id = merchantId
  }
  req.productFilters = filters
  next()
}

/**
 * Runs after the validators (registered with `methods: ["GET"]`), so the core route keeps the
 * id filter it sets. In the store, products of merchants that are not APPROVED never show, and
 * with a region only what can be bought there is listed (issue 16 §5).
 *
 * A store listing with a region reads its page off the search projection (issue 18 §4): a
 * document per product and currency exists exactly when the product is listed (published,
 * approved merchant, in a sales channel) and can be bought in that currency (priced there, a
 * course with lessons, a `slots` service with a schedule), so one indexed query gives the page's
 * ids and the exact count; Medusa then loads those 20 products. Judging sellability here used to
 * load every published product with its variants and prices on every request.
 */
export function applyProductFilters({ store }: { store: boolean }) {
  return async (req: FilteredRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const { kind, merchant_id } = req.productFilters ?? {}
      const filters = (req.filterableFields ??= {})
      // A store `q` goes through the search engine (productSearchQuery, registered after this):
      // the index holds only approved merchants' published products priced per currency and
      // applies kind and merchant itself, so listing every hidden or same-kind product id here
      // (≈ 1 s at 10k products) would be thrown away.
      if (store && typeof filters.q === "string" && filters.q.trim()) return next()
      // In the buyer's region, only what can be put in a cart there is listed (issue 16 §5).
      const currency = store ? (await requestRegionCurrency(req))?.toLowerCase() : undefined
      if (currency && projectionAnswers(req)) {
        await listFromProjection(req, res, currency)
        return next()
      }

      let allowed: Set<string> | undefined = Array.isArray(filters.id) || typeof filters.id === "string" ? new Set([filters.id].flat() as string[]) : undefined
      const narrow = (ids: string[]) => {
        allowed = allowed ? new Set(ids.filter((id) => allowed!.has(id))) : new Set(ids)
      }
      if (kind) narrow(await productIdsOfKind(req.scope, kind))
      if (merchant_id) narrow(await productIdsOfMerchants(req.scope, { id: merchant_id }))
      const hidden = store ? new Set(await hiddenProductIds(req.scope)) : new Set<string>()
      // Other filters with a region (a category, a handle, an order): the page's products alone are
      // checked once Medusa has loaded them; the count may then include a product left off its page.
      if (currency) dropUnsellableFromPage(req, res, currency)

      if (allowed) {
        const ids = [...allowed].filter((id) => !hidden.has(id))
        filters.id = ids.length ? ids : [NO_PRODUCT]
      } else if (hidden.size) {
        filters.id = { $nin: [...hidden] }
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}

// Filters the core list carries on every store listing: the status default, and the sales channels
// (as `sales_channel_id`, or as the channels' product ids once Medusa's link filter ran).
const PROJECTION_FILTERS = new Set(["id", "sales_channel_id", "status"])

/** Whether the projection alone decides this listing: no filter, order or id of the client's beyond kind and merchant. */
function projectionAnswers(req: FilteredRequest): boolean {
  const filters = req.filterableFields as Record<string, unknown>
  const asked = (req.validatedQuery ?? req.query ?? {}) as Record<string, unknown>
  if (asked.id !== undefined || asked.order !== undefined) return false
  const status = [filters.status ?? "published"].flat()
  if (status.length !== 1 || status[0] !== "published") return false
  return Object.keys(filters).every((k) => PROJECTION_FILTERS.has(k))
}

async function listFromProjection(req: FilteredRequest, res: MedusaResponse, currency: string) {
  const { kind, merchant_id } = req.productFilters ?? {}
  const asked = (req.validatedQuery ?? {}) as Record<string, unknown>
  const channels: string[] = [asked.sales_channel_id ?? (req as any).publishable_key_context?.sales_channel_ids ?? []].flat().filter(Boolean) as string[]
  const pagination = (req.queryConfig?.pagination ?? {}) as { skip?: number; take?: number }
  const skip = pagination.skip ?? 0
  const take = pagination.take ?? 50
  const result = await searchService(req.scope).search({
    currency_code: currency, sales_channel_ids: channels.length ? channels : ["sc_none"], kind: kind ? [kind] : undefined,
    merchant_id: merchant_id ? [merchant_id] : undefined, sort: "catalogue", facets: false, limit: take, offset: skip,
  })
  const ids = result.hits.map((h) => h.id)
  // The channels are in the projection's filter: Medusa loads exactly the page's products.
  delete (req.filterableFields as Record<string, unknown>).sales_channel_id
  serveProductPage(req, res, ids, { total: result.total, skip, take })
}

/** Leaves off the page what cannot be bought in `currency`: one check of the page's ids, after Medusa loaded them. */
function dropUnsellableFromPage(req: MedusaRequest, res: MedusaResponse, currency: string) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode >= 400 || !Array.isArray(body?.products) || !body.products.length) return json(body)
    unsellableProducts(req.scope, { product_ids: body.products.map((p: any) => p.id), currency_code: currency, published_only: true })
      .then((refused) => {
        body.products = body.products.filter((p: any) => !refused.has(p.id))
        json(body)
      })
      .catch((e) => {
        // Never list what might not be sellable: an error answer rather than an unchecked page.
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`store listing: sellability check failed: ${(e as Error).message}`)
        res.status(500)
        json({ code: "LISTING_CHECK_FAILED", type: "unexpected_state", message: "The product list could not be checked; please try again" })
      })
    return res
  }) as typeof res.json
}

/**
 * A store product page of an unapproved merchant's product answers 404, as if it did not exist.
 * Reads the product's facts once (kind, booking mode, merchant approval, priced currencies): the
 * page's booking and sellability answers reuse them (exposeBookingAndSellability) instead of
 * asking again per concern.
 */
export async function hideUnsellableProduct(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: PRODUCT_PAGE_FACTS, filters: { id: req.params.id } })
    const merchant = (data[0] as any)?.merchant
    if (merchant && merchant.kyc_status !== "APPROVED") throw new SnailError(404, "NOT_FOUND", `Product with id: ${req.params.id} was not found`)
    ;(req as ProductPageRequest).productFacts = data[0]
    next()
  } catch (e) {
    next(e)
  }
}

export type ProductPageRequest = MedusaRequest & { productFacts?: any }

/** Adds kind and owner merchant to the query; returns them as top-level `kind` and `merchant`. */
export function exposeProductExtras(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const fields = req.queryConfig?.fields
  const askedForKindLink = fields?.some((f) => f.startsWith("product_kind"))
  if (fields) {
    // booking_mode too: the booking answer (exposeBookingAndSellability) reads it off the loaded products.
    if (!askedForKindLink) fields.push("product_kind.kind", "product_kind.booking_mode")
    fields.push("merchant.id", "merchant.handle", "merchant.display_name")
  }
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode < 400 && body) {
      for (const product of body.products ?? (body.product ? [body.product] : [])) {
        product.kind = product.product_kind?.kind ?? null
        if (!askedForKindLink) delete product.product_kind
        const m = product.merchant
        product.merchant = m ? { id: m.id, handle: m.handle, display_name: m.display_name } : null
      }
    }
    return json(body)
  }) as typeof res.json
  next()
}

async function productIdsOfKind(scope: MedusaContainer, kind: ProductKindValue): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_kind", fields: ["product.id"], filters: { kind } })
  return data.map((row: any) => row.product?.id).filter(Boolean)
}

async function productIdsOfMerchants(scope: MedusaContainer, filters: Record<string, unknown>): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "merchant", fields: ["products.id"], filters })
  return data.flatMap((m: any) => (m.products ?? []).filter(Boolean).map((p: any) => p.id))
}

/**
 * Products of merchants that are not APPROVED, read from the merchant–product link table alone:
 * going through `merchant.products` loaded every such product from the product module (≈ 1 s for
 * 900 products of a 10k catalogue, on every store listing).
 */
async function hiddenProductIds(scope: MedusaContainer): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: merchants } = await query.graph({ entity: "merchant", fields: ["id"], filters: { kyc_status: { $ne: "APPROVED" } } })
  if (!merchants.length) return []
  const { data: links } = await query.graph({
    entity: MerchantProductLink.entryPoint, fields: ["product_id"], filters: { merchant_id: merchants.map((m: any) => m.id) },
  })
  return links.map((l: any) => l.product_id).filter(Boolean)
}
