import type { Context, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LINE_AMOUNT_FIELDS, orderItemAmounts } from "../../lib/order-items"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { plain } from "./present"

/** Who may see a dispute: admins all; a merchant its own lines'; a buyer their own. Others get 404. */
/** A buyer on an order's signed link sees that order's disputes only (`order_id`): guest checkouts
 * with one e-mail share a customer, and a link opens exactly one order. */
export type DisputeViewer = { type: "admin" } | { type: "merchant"; merchant_id: string } | { type: "buyer"; customer_id: string; order_id?: string }

/** A merchant reads under row-level security (asMerchant): the filter and PostgreSQL's policy agree. */
function readAs<T>(scope: MedusaContainer, viewer: DisputeViewer, work: (ctx?: Context) => Promise<T>): Promise<T> {
  if (viewer.type !== "merchant") return work()
  return (scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).asMerchant(viewer.merchant_id, work)
}

function scopeFilter(viewer: DisputeViewer): Record<string, unknown> {
  if (viewer.type === "merchant") return { merchant_id: viewer.merchant_id }
  if (viewer.type === "buyer") return viewer.order_id ? { customer_id: viewer.customer_id, order_id: viewer.order_id } : { customer_id: viewer.customer_id }
  return {}
}

export async function listDisputes(scope: MedusaContainer, viewer: DisputeViewer, query: Record<string, unknown>) {
  const filters: Record<string, unknown> = {}
  if (query.status) filters.status = String(query.status)
  if (query.order_id) filters.order_id = String(query.order_id)
  if (query.order_line_id) filters.order_line_id = String(query.order_line_id)
  Object.assign(filters, scopeFilter(viewer)) // the viewer's scope wins over anything asked
  const [disputes, count] = await readAs(scope, viewer, (ctx) => (scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listAndCountDisputes(filters, {
    // The queue: open ones first, oldest first.
    order: { status: "ASC", created_at: "ASC" }, take: Math.min(Number(query.limit ?? 50), 200), skip: Number(query.offset ?? 0),
  }, ctx))
  return { disputes: await withOrderFacts(scope, disputes.map(plain)), count }
}

/**
 * What a person needs to recognise a dispute: the order's number ("Order #10", its display_id), the
 * product's title and the line's amount in minor units (issue 22 §6), not the order's internal id.
 */
async function withOrderFacts(scope: MedusaContainer, disputes: any[]) {
  if (!disputes.length) return disputes
  const lines: any[] = await (scope.resolve(ORDER_LINES_MODULE) as any).listOrderLines({ id: disputes.map((d) => d.order_line_id) })
  const itemOf = new Map<string, string>(lines.map((l) => [l.id, l.line_item_id] as [string, string]))
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "currency_code", "items.id", "items.title", "items.product_title", "items.product_id", ...LINE_AMOUNT_FIELDS],
    filters: { id: [...new Set(disputes.map((d) => d.order_id))] },
  })
  const orderById = new Map<string, any>(orders.map((o: any) => [o.id, o] as [string, any]))
  return disputes.map((d) => {
    const o = orderById.get(d.order_id)
    const items = (o?.items ?? []).filter(Boolean)
    const item = items.find((i: any) => i.id === itemOf.get(d.order_line_id))
    return {
      ...d,
      order_display_id: o?.display_id ?? null,
      product_title: item?.title ?? item?.product_title ?? null,
      product_id: item?.product_id ?? null,
      line_amount: item && o ? orderItemAmounts(items, o.currency_code).get(item.id)?.total ?? null : null,
    }
  })
}

export async function getDispute(scope: MedusaContainer, viewer: DisputeViewer, id: string) {
  const [dispute] = await readAs(scope, viewer, (ctx) =>
    (scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listDisputes({ id, ...scopeFilter(viewer) }, { relations: ["messages"] }, ctx))
  if (!dispute) throw new SnailError(404, "NOT_FOUND", `Dispute ${id} not found`)
  const messages = [...(dispute.messages ?? [])].sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
  // The detail names its order, product and line amount as the list does (the dashboard shows either).
  const [named] = await withOrderFacts(scope, [plain({ ...dispute, messages } as any)])
  return named
}
