import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"

export type OrderFacts = { order_display_id: number | null; product_title: string | null; product_id: string | null }

/**
 * What a person needs to recognise a money row (issue 22 §6): the order's number (its display_id,
 * "Order #10") and, when the row is about one line, that line's product — never the internal ids
 * alone. Keyed by `order_id` and `order_id:order_line_id`.
 */
export async function orderFactsOf(scope: MedusaContainer, refs: { order_id?: string | null; order_line_id?: string | null }[]) {
  const orderIds = [...new Set(refs.map((r) => r.order_id).filter(Boolean))] as string[]
  const lineIds = [...new Set(refs.map((r) => r.order_line_id).filter(Boolean))] as string[]
  const facts = new Map<string, OrderFacts>()
  if (!orderIds.length) return facts
  const [lines, { data: orders }] = await Promise.all([
    lineIds.length ? (scope.resolve(ORDER_LINES_MODULE) as any).listOrderLines({ id: lineIds }, { select: ["id", "line_item_id"] }) : [],
    scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order", fields: ["id", "display_id", "items.id", "items.product_title", "items.title", "items.product_id"], filters: { id: orderIds },
    }),
  ])
  const itemOfLine = new Map<string, string>((lines as any[]).map((l) => [l.id, l.line_item_id] as [string, string]))
  for (const o of orders as any[]) {
    facts.set(o.id, { order_display_id: o.display_id ?? null, product_title: null, product_id: null })
    for (const [lineId, itemId] of itemOfLine) {
      const item = (o.items ?? []).find((i: any) => i?.id === itemId)
      if (item) facts.set(`${o.id}:${lineId}`, { order_display_id: o.display_id ?? null, product_title: item.title ?? item.product_title ?? null, product_id: item.product_id ?? null })
    }
  }
  return facts
}

/** The facts of one row: its line's when it names one, else its order's. */
export const factsFor = (facts: Map<string, OrderFacts>, r: { order_id?: string | null; order_line_id?: string | null }): OrderFacts =>
  (r.order_id && ((r.order_line_id && facts.get(`${r.order_id}:${r.order_line_id}`)) || facts.get(r.order_id))) ||
  { order_display_id: null, product_title: null, product_id: null }
