import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { effectiveBookingMode } from "../../lib/product-kinds"
import { productSellability } from "../../workflows/marketplace/product-sellability"

type PricedRequest = MedusaRequest & { pricingContext?: { currency_code?: string; region_id?: string } }

/**
 * The currency of the buyer's region when the request names one (region_id, or a cart through
 * Medusa's pricing context); undefined otherwise — then no regional rule applies.
 */
export async function requestRegionCurrency(req: PricedRequest): Promise<string | undefined> {
  if (req.pricingContext?.currency_code) return req.pricingContext.currency_code
  const regionId = (req.filterableFields as any)?.region_id ?? req.query?.region_id
  if (typeof regionId !== "string" || !regionId) return undefined
  const [region] = await req.scope.resolve(Modules.REGION).listRegions({ id: regionId }, { select: ["currency_code"] })
  return region?.currency_code
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
  await addBooking(req.scope, products)
  if (body.product) body.product.sellable = await productSellability(req.scope, body.product.id, await requestRegionCurrency(req))
}

async function addBooking(scope: MedusaContainer, products: any[]) {
  const ids = products.map((p) => p?.id).filter(Boolean)
  if (!ids.length) return
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "product_kind.kind", "product_kind.booking_mode"], filters: { id: ids } })
  const services = new Map(data.filter((p: any) => p.product_kind?.kind === "SERVICE").map((p: any) => [p.id, p.product_kind]))
  const schedules: any[] = services.size && scope.hasRegistration?.("booking")
    ? await (scope.resolve("booking") as any).listSchedules({ product_id: [...services.keys()] })
    : []
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
