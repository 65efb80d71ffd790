import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LINE_AMOUNT_FIELDS, lineQuantity, orderItemAmounts } from "../../../lib/order-items"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import type { MerchantRequest } from "../context"

const STATE = /^[A-Z_]{2,40}$/

/**
 * GET /merchant/lines?state=PAID,FULFILLING&kind=PHYSICAL&limit=&offset= — the merchant's order lines
 * across orders, newest first, with their order's number and the buyer's name and city: the
 * dashboard's Orders list, filterable by state. Moves happen on the order (…/orders/:id/lines).
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const states = String(q.state ?? "").split(",").map((s) => s.trim()).filter((s) => STATE.test(s))
  const kind = typeof q.kind === "string" && STATE.test(q.kind) ? q.kind : undefined
  const limit = Math.min(Math.max(Number(q.limit ?? 50) || 50, 1), 200)
  const offset = Math.max(Number(q.offset ?? 0) || 0, 0)
  const filters: Record<string, unknown> = { merchant_id: req.merchantContext.merchant.id }
  if (states.length) filters.state = states
  if (kind) filters.kind = kind
  const service: OrderLinesModuleService = req.scope.resolve(ORDER_LINES_MODULE)
  // Under row-level security (asMerchant): the filter and PostgreSQL's policy agree.
  const [lines, count] = await service.asMerchant(req.merchantContext.merchant.id, (ctx) =>
    service.listAndCountOrderLines(filters as any, { order: { created_at: "DESC" }, take: limit, skip: offset }, ctx))

  const orderIds = [...new Set(lines.map((l) => l.order_id))]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = orderIds.length
    ? await query.graph({
        entity: "order",
        fields: ["id", "display_id", "created_at", "currency_code", "shipping_address.first_name", "shipping_address.last_name",
          "shipping_address.city", "shipping_address.country_code", "items.id", "items.title", "items.subtitle", "items.thumbnail", ...LINE_AMOUNT_FIELDS],
        filters: { id: orderIds },
      })
    : { data: [] as any[] }
  const orderById = new Map<string, any>(orders.map((o: any) => [o.id, o] as [string, any]))
  res.json({
    lines: lines.map((l) => {
      const o = orderById.get(l.order_id)
      const items = (o?.items ?? []).filter(Boolean)
      const item = items.find((i: any) => i.id === l.line_item_id)
      const amount = o ? orderItemAmounts(items, o.currency_code).get(l.line_item_id)?.total ?? 0 : 0
      const a = o?.shipping_address
      return {
        id: l.id, order_id: l.order_id, display_id: o?.display_id ?? null, created_at: o?.created_at ?? null,
        kind: l.kind, state: l.state, state_entered_at: l.state_entered_at,
        title: item?.title ?? null, subtitle: item?.subtitle ?? null, thumbnail: item?.thumbnail ?? null, quantity: item ? lineQuantity(item) : null,
        amount_minor: amount, currency_code: l.currency_code, carrier: l.carrier, tracking_number: l.tracking_number,
        buyer: a ? { name: [a.first_name, a.last_name].filter(Boolean).join(" ") || null, city: a.city ?? null, country_code: a.country_code ?? null } : null,
      }
    }),
    count, limit, offset,
  })
}
