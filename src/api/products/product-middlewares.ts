import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import MerchantProductLink from "../../links/merchant-product"
import { isProductKind, PRODUCT_KINDS, ProductKindValue } from "../../lib/product-kinds"
import { SnailError } from "../../lib/snail-error"
import { unsellableProducts } from "../../workflows/marketplace/product-sellability"
import { requestRegionCurrency } from "./sellable-middlewares"

type ProductFilters = { kind?: ProductKindValue; merchant_id?: string }
type FilteredRequest = MedusaRequest & { productFilters?: ProductFilters }

// Matches no product: the core list then answers an empty page instead of ignoring the filter.
const NO_PRODUCT = "prod_none"

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
 * id filter it sets. In the store, products of merchants that are not APPROVED never show.
 */
export function applyProductFilters({ store }: { store: boolean }) {
  return async (req: FilteredRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const { kind, merchant_id } = req.productFilters ?? {}
      const filters = (req.filterableFields ??= {})
      // A store `q` goes through the search engine (productSearchQuery, registered after this):
      // the index holds only approved merchants' published products priced per currency and
      // applies kind and merchant itself, so listing every hidden or same-kind product id here
      // (≈ 1 s at 10k products) would be thrown away.
      if (store && typeof filters.q === "string" && filters.q.trim()) return next()
      let allowed: Set<string> | undefined = Array.isArray(filters.id) || typeof filters.id === "string" ? new Set([filters.id].flat() as string[]) : undefined
      const narrow = (ids: string[]) => {
        allowed = allowed ? new Set(ids.filter((id) => allowed!.has(id))) : new Set(ids)
      }
      if (kind) narrow(await productIdsOfKind(req.scope, kind))
      if (merchant_id) narrow(await productIdsOfMerchants(req.scope, { id: merchant_id }))
      const hidden = store ? new Set(await hiddenProductIds(req.scope)) : new Set<string>()
      // In the buyer's region, only what can be put in a cart there is listed (issue 16 §5).
      const currency = store ? await requestRegionCurrency(req) : undefined
      if (currency) for (const id of (await unsellableProducts(req.scope, { currency_code: currency, published_only: true })).keys()) hidden.add(id)

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

/**
 * A store product page of an unapproved merchant's product answers 404, as if it did not exist.
 * Asks about this product's merchant only (listing every hidden product took ≈ 1 s at 10k products).
 */
export async function hideUnsellableProduct(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "merchant.kyc_status"], filters: { id: req.params.id } })
    const merchant = (data[0] as any)?.merchant
    if (merchant && merchant.kyc_status !== "APPROVED") throw new SnailError(404, "NOT_FOUND", `Product with id: ${req.params.id} was not found`)
    next()
  } catch (e) {
    next(e)
  }
}

/** Adds kind and owner merchant to the query; returns them as top-level `kind` and `merchant`. */
export function exposeProductExtras(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const fields = req.queryConfig?.fields
  const askedForKindLink = fields?.some((f) => f.startsWith("product_kind"))
  if (fields) {
    if (!askedForKindLink) fields.push("product_kind.kind")
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
