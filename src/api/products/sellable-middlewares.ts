import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { effectiveBookingMode } from "../../lib/product-kinds"
import { judgeProducts, productSellability } from "../../workflows/marketplace/product-sellability"
import type { ProductPageRequest } from "./product-middlewares"
import { cachedNames } from "../store/search/lookups"

type PricedRequest = MedusaRequest & { pricingContext?: { currency_code?: string; region_id?: string } }

/**
 * The currency of the buyer's region when the request names one (region_id, or a cart through
 * Medusa's pricing context); undefined otherwise — then no regional rule applies.
 */
export async function requestRegionCurrency(req: PricedRequest): Promise<string | undefined> {
  if (req.pricingContext?.currency_code) return req.pricingContext.currency_code
  const regionId = (req.filterableFields as any)?.region_id ?? req.query?.region_id
  if (typeof regionId !== "string" || !regionId) return undefined
  // Region currencies change rarely; kept in memory for a few seconds like the search route's.
  return (await cachedNames(req.scope, "region", "currency_code", [regionId])).get(regionId) ?? undefined
}

/**
 * Store product reads (list and page): every variant of a SERVICE says how it is booked —
 * `booking: { mode, requires_slot, slots_url, time_zone, capacity }` — so any client learns that it
 * must send `metadata.slot_start` and where the slots are; other variants carry `booking: null`.
 * The product page also says whether it can be bought in the buyer's region:
 * `sellable: { ok, reason_code?, reason? }`.
 */
export function exposeBookingAndSellability(req: PricedRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode >= 400 || !body || !(body.products || body.product)) return json(body)
    enrich(req, body)
      .catch(() => undefined)
      .then(() => json(body))
    return res
  }) as typeof res.json
  next()
}

async function enrich(req: PricedRequest, body: any) {
  const products: any[] = body.products ?? [body.product]
  const facts = body.product ? (req as ProductPageRequest).productFacts : undefined
  if (facts && facts.id === body.product.id) {
    // Product page: the facts read before the route (hideUnsellableProduct) answer both questions.
    const schedules = await schedulesOf(req.scope, facts.product_kind?.kind === "SERVICE" ? [facts.id] : [])
    addBooking(products, new Map([[facts.id, facts.product_kind]]), schedules)
    const refused = await judgeProducts(req.scope, [facts], { currency_code: await requestRegionCurrency(req), schedules })
    body.product.sellable = refused.get(facts.id) ?? { ok: true }
    return
  }
  const kinds = await kindsOf(req.scope, products)
  addBooking(products, kinds, await schedulesOf(req.scope, [...kinds].filter(([, k]) => k?.kind === "SERVICE").map(([id]) => id)))
  if (body.product) body.product.sellable = await productSellability(req.scope, body.product.id, await requestRegionCurrency(req))
}

/** Kind and booking mode per product: off the loaded products (exposeProductExtras asks for them), else one query. */
async function kindsOf(scope: MedusaContainer, products: any[]): Promise<Map<string, any>> {
  const loaded = products.filter((p) => p?.id)
  if (loaded.every((p) => p.product_kind === null || p.product_kind?.booking_mode !== undefined)) {
    return new Map(loaded.map((p) => [p.id, p.product_kind]))
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "product_kind.kind", "product_kind.booking_mode"], filters: { id: loaded.map((p) => p.id) } })
  return new Map(data.map((p: any) => [p.id, p.product_kind]))
}

async function schedulesOf(scope: MedusaContainer, serviceIds: string[]): Promise<any[]> {
  if (!serviceIds.length || !scope.hasRegistration?.("booking")) return []
  return (scope.resolve("booking") as any).listSchedules({ product_id: serviceIds })
}

function addBooking(products: any[], kinds: Map<string, any>, schedules: any[]) {
  const services = new Map([...kinds].filter(([, k]) => k?.kind === "SERVICE"))
  for (const p of products) {
    const kind: any = services.get(p?.id)
    for (const v of p?.variants ?? []) {
      if (!v) continue
      if (!kind) {
        v.booking = null
        continue
      }
      const schedule = schedules.find((s) => s.product_id === p.id && s.variant_id === v.id) ?? schedules.find((s) => s.product_id === p.id && !s.variant_id)
      const mode = effectiveBookingMode(kind.booking_mode, Boolean(schedule))
      v.booking = mode === "slots"
        ? {
            mode, requires_slot: true,
            slots_url: `/store/products/${p.id}/slots${schedule?.variant_id ? `?variant_id=${v.id}` : ""}`,
            time_zone: schedule?.timezone ?? null, capacity: schedule?.capacity ?? null, slot_minutes: schedule?.slot_minutes ?? null,
          }
        : { mode, requires_slot: false, slots_url: null, time_zone: null, capacity: null, slot_minutes: null }
    }
  }
}
