import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isProductKind, PRODUCT_KINDS, ProductKindValue } from "../../lib/product-kinds"

type KindRequest = MedusaRequest & { productKindFilter?: ProductKindValue }

// Matches no product: the core list then answers an empty page instead of ignoring the filter.
const NO_PRODUCT = "prod_none"

/**
 * Runs before Medusa's query validators (registered without `methods`), which reject unknown
 * query parameters: takes `kind` out of the query and remembers it for `applyKindFilter`.
 */
export function takeKindFromQuery(req: KindRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" || !("kind" in (req.query ?? {}))) return next()
  const kind = req.query.kind
  delete (req.query as Record<string, unknown>).kind
  if (!isProductKind(kind)) {
    const err = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid value for field 'kind': expected one of ${PRODUCT_KINDS.join(", ")}, got '${String(kind)}'`,
      "INVALID_PRODUCT_KIND"
    )
    ;(err as any).field = "kind"
    return next(err)
  }
  req.productKindFilter = kind
  next()
}

/** Runs after the validators (registered with `methods: ["GET"]`), so the core route keeps this filter. */
export async function applyKindFilter(req: KindRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.productKindFilter) return next()
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_kind",
      fields: ["product.id"],
      filters: { kind: req.productKindFilter },
    })
    const kindIds = data.map((row: any) => row.product?.id).filter(Boolean) as string[]
    const filters = (req.filterableFields ??= {})
    const requested = filters.id ? new Set([filters.id].flat() as string[]) : undefined
    const ids = requested ? kindIds.filter((id) => requested.has(id)) : kindIds
    filters.id = ids.length ? ids : [NO_PRODUCT]
    next()
  } catch (e) {
    next(e)
  }
}

/** Adds the product's kind to the query and returns it as a top-level `kind` on every product. */
export function exposeKind(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const fields = req.queryConfig?.fields
  const askedForLink = fields?.some((f) => f.startsWith("product_kind"))
  if (fields && !askedForLink) fields.push("product_kind.kind")

  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode < 400 && body) {
      for (const product of body.products ?? (body.product ? [body.product] : [])) {
        product.kind = product.product_kind?.kind ?? null
        if (!askedForLink) delete product.product_kind
      }
    }
    return json(body)
  }) as typeof res.json
  next()
}
