import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { itemsInReaderLanguage, type StoredItem } from "../../../workflows/catalog/item-titles"

/*
 * Medusa's own cart and order answers name their items in the reader's language (issue 21): the
 * request's locale (`x-medusa-locale`, which the storefront's js-sdk sends, or `?locale=`), resolved
 * by src/workflows/catalog/item-titles.ts. Carts: every /store/carts route that answers the cart (read,
 * add, update, promotions, shipping, a refused completion), so a checkout summary reads as the product
 * page did. Orders: GET /store/orders and /store/orders/:id. Without a locale, or when the catalogue
 * has nothing for it, the names stay as stored.
 */
const ORDERS_PATH = /^\/store\/orders(\/[^/]+)?\/?$/
const CARTS_PATH = /^\/store\/carts(\/.*)?$/
const fullPath = (req: MedusaRequest) => (req.originalUrl ?? req.url ?? "").split("?")[0]
const NAME_FIELDS = ["title", "subtitle", "product_title", "variant_title"] as const

type Entity = "order" | "cart"

async function localize(req: MedusaRequest, entity: Entity, docs: any[]) {
  const ids = docs.filter((d) => d?.id && Array.isArray(d.items) && d.items.length).map((d) => d.id)
  if (!ids.length) return
  // The stored rows, whatever `fields=` the client asked for: ids to find the catalogue's words, and the stored locale.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: ["id", "locale", "items.id", "items.product_id", "items.variant_id", ...NAME_FIELDS.map((f) => `items.${f}`)],
    filters: { id: ids },
  })
  await Promise.all((data as any[]).map(async (stored) => {
    const named = await itemsInReaderLanguage(req.scope, ((stored.items ?? []) as StoredItem[]).filter(Boolean), req.locale, stored.locale ?? null)
    const byId = new Map(named.map((i) => [i.id, i] as [string, StoredItem]))
    const answer = docs.find((d) => d.id === stored.id)
    for (const item of answer?.items ?? []) {
      const n = byId.get(item?.id)
      if (!n) continue
      for (const f of NAME_FIELDS) if (f in item) item[f] = n[f] ?? item[f]
    }
  }))
}

/** The carts or orders of an answer body, by route. */
function docsOf(entity: Entity, body: any): any[] {
  if (!body) return []
  if (entity === "cart") return body.cart ? [body.cart] : []
  return body.orders ?? (body.order ? [body.order] : [])
}

function namesInReaderLanguage(entity: Entity, path: RegExp, methods: "GET" | "ANY") {
  return function itemNamesInReaderLanguage(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if ((methods === "GET" && req.method !== "GET") || !path.test(fullPath(req)) || !req.locale) return next()
    // Matchers mount on a prefix: a route can pass more than one of them. Wrap once.
    const r = req as MedusaRequest & { itemNamesWrapped?: boolean }
    if (r.itemNamesWrapped) return next()
    r.itemNamesWrapped = true
    const json = res.json.bind(res)
    res.json = ((body: any) => {
      const docs = res.statusCode < 400 ? docsOf(entity, body) : []
      if (!docs.length) return json(body)
      localize(req, entity, docs).then(
        () => json(body),
        (err) => {
          // The names as stored beat a failed page: log and answer.
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`${entity} item names in ${req.locale} not resolved: ${(err as Error).message}`)
          json(body)
        }
      )
      return res
    }) as typeof res.json
    next()
  }
}

export const orderItemsInReaderLanguage = namesInReaderLanguage("order", ORDERS_PATH, "GET")
export const cartItemsInReaderLanguage = namesInReaderLanguage("cart", CARTS_PATH, "ANY")

export const itemNameRoutes = [
  { matcher: "/store/orders", methods: ["GET"] as const, middlewares: [orderItemsInReaderLanguage] },
  { matcher: "/store/orders/:id", methods: ["GET"] as const, middlewares: [orderItemsInReaderLanguage] },
  { matcher: "/store/carts*", middlewares: [cartItemsInReaderLanguage] },
]
