import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { latestProcess } from "../../../lib/line-process/definitions"
import { DEFAULT_PRODUCT_KIND, isProductKind } from "../../../lib/product-kinds"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

/**
 * One lifecycle per order line, on the newest process of its kind, walked through the
 * system transitions that placing the order implies (e.g. NEW → RESERVED → PAID).
 * Idempotent: lines that already exist are left alone.
 */
export const createOrderLinesStep = createStep(
  "create-order-lines",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "items.id", "items.product_id"],
      filters: { id: input.order_id },
    })
    if (!order) return new StepResponse([], [])
    const items = (order.items ?? []).filter(Boolean) as { id: string; product_id: string | null }[]
    const existing = new Set((await service.listOrderLines({ order_id: order.id }, { select: ["line_item_id"] })).map((l) => l.line_item_id))
    const fresh = items.filter((i) => !existing.has(i.id))
    if (!fresh.length) return new StepResponse([], [])

    const productIds = [...new Set(fresh.map((i) => i.product_id).filter(Boolean))] as string[]
    const { data: products } = productIds.length
      ? await query.graph({ entity: "product", fields: ["id", "product_kind.kind", "merchant.id"], filters: { id: productIds } })
      : { data: [] as any[] }
    const byId = new Map<string, any>(products.map((p: any) => [p.id, p] as [string, any]))

    const now = new Date()
    const lines = await service.createOrderLines(
      fresh.map((item) => {
        const product: any = item.product_id ? byId.get(item.product_id) : undefined
        const kind = isProductKind(product?.product_kind?.kind) ? product.product_kind.kind : DEFAULT_PRODUCT_KIND
        const def = latestProcess(kind)
        return {
          order_id: order.id,
          line_item_id: item.id,
          kind,
          merchant_id: product?.merchant?.id ?? null,
          process_version: def.version,
          state: def.onOrderPlaced[def.onOrderPlaced.length - 1] ?? def.initial,
          state_entered_at: now,
          currency_code: order.currency_code,
        }
      })
    )
    const history = lines.flatMap((line) => {
      const def = latestProcess(line.kind)
      let from = def.initial
      return def.onOrderPlaced.map((to) => {
        const transition = def.transitions.find((t) => t.from.includes(from) && t.to === to)!
        const row = { line_id: line.id, transition: transition.name, from_state: from, to_state: to, actor_type: "system" as const, reason: "order placed" }
        from = to
        return row
      })
    })
    if (history.length) await service.createOrderLineTransitions(history as any)
    return new StepResponse(lines, lines.map((l) => l.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await (container.resolve(ORDER_LINES_MODULE) as OrderLinesModuleService).deleteOrderLines(ids)
  }
)
