import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { plain } from "./present"

/** Who may see a dispute: admins all; a merchant its own lines'; a buyer their own. Others get 404. */
export type DisputeViewer = { type: "admin" } | { type: "merchant"; merchant_id: string } | { type: "buyer"; customer_id: string }

function scopeFilter(viewer: DisputeViewer): Record<string, unknown> {
  if (viewer.type === "merchant") return { merchant_id: viewer.merchant_id }
  if (viewer.type === "buyer") return { customer_id: viewer.customer_id }
  return {}
}

export async function listDisputes(scope: MedusaContainer, viewer: DisputeViewer, query: Record<string, unknown>) {
  const filters: Record<string, unknown> = { ...scopeFilter(viewer) }
  if (query.status) filters.status = String(query.status)
  if (query.order_id) filters.order_id = String(query.order_id)
  const [disputes, count] = await (scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listAndCountDisputes(filters, {
    // The queue: open ones first, oldest first.
    order: { status: "ASC", created_at: "ASC" }, take: Math.min(Number(query.limit ?? 50), 200), skip: Number(query.offset ?? 0),
  })
  return { disputes: disputes.map(plain), count }
}

export async function getDispute(scope: MedusaContainer, viewer: DisputeViewer, id: string) {
  const [dispute] = await (scope.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listDisputes({ id, ...scopeFilter(viewer) }, { relations: ["messages"] })
  if (!dispute) throw new SnailError(404, "NOT_FOUND", `Dispute ${id} not found`)
  const messages = [...(dispute.messages ?? [])].sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
  return plain({ ...dispute, messages } as any)
}
