import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { itemsInReaderLanguage, type StoredItem } from "../../../workflows/catalog/item-titles"

/*
 * Medusa's own order reads (GET /store/orders, GET /store/orders/:id) answer item names in the
 * reader's language (issue 21): the request's locale (`x-medusa-locale`, which the storefront's
 * js-sdk sends, or `?locale=`), resolved by src/workflows/catalog/item-titles.ts. Without a locale,
 * or when the catalogue has nothing for it, the names stay as bought.
 */
const ORDERS_PATH = /^\/store\/orders(\/[^/]+)?\/?$/
const fullPath = (req: MedusaRequest) => (req.originalUrl ?? req.url ?? "").split("?")[0]
const NAME_FIELDS = ["title", "subtitle", "product_title", "variant_title"] as const

async function localizeOrders(req: MedusaRequest, orders: any[]) {
  const ids = orders.filter((o) => o?.id && Array.isArray(o.items) && o.items.length).map((o) => o.id)
  if (!ids.length) return
  // The stored rows, whatever `fields=` the client asked for: ids to find the catalogue's words, and the bought locale.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "items.id", "items.product_id", "items.variant_id", ...NAME_FIELDS.map((f) => `items.${f}`)],
    filters: { id: ids },
  })
  await Promise.all((data as any[]).map(async (stored) => {
    const named = await itemsInReaderLanguage(req.scope, ((stored.items ?? []) as StoredItem[]).filter(Boolean), req.locale, stored.locale ?? null)
    const byId = new Map(named.map((i) => [i.id, i] as [string, StoredItem]))
    const answer = orders.find((o) => o.id === stored.id)
    for (const item of answer?.items ?? []) {
      const n = byId.get(item?.id)
      if (!n) continue
      for (const f of NAME_FIELDS) if (f in item) item[f] = n[f] ?? item[f]
    }
  }))
}

export function orderItemsInReaderLanguage(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" || !ORDERS_PATH.test(fullPath(req)) || !req.locale) return next()
  // Both matchers mount on a prefix: /store/orders/:id passes the first one too. Wrap once.
  const r = req as MedusaRequest & { itemNamesWrapped?: boolean }
  if (r.itemNamesWrapped) return next()
  r.itemNamesWrapped = true
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const orders = res.statusCode < 400 && body ? (body.orders ?? (body.order ? [body.order] : [])) : []
    if (!orders.length) return json(body)
    localizeOrders(req, orders).then(
      () => json(body),
      (err) => {
        // The names as bought beat a failed page: log and answer.
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`order item names in ${req.locale} not resolved: ${(err as Error).message}`)
        json(body)
      }
    )
    return res
  }) as typeof res.json
  next()
}

export const itemNameRoutes = [
  { matcher: "/store/orders", methods: ["GET"] as const, middlewares: [orderItemsInReaderLanguage] },
  { matcher: "/store/orders/:id", methods: ["GET"] as const, middlewares: [orderItemsInReaderLanguage] },
]
