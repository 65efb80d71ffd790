import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseStates } from "../../lib/marketplace-money/config"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { syncLineLedgerWorkflow } from "./sync-line-ledger"

/**
 * Starts the escrow clock of lines that reached their release state but whose ledger sync has not
 * run since (the transition's event is still queued, or was lost with a crashed process when the
 * event bus is in memory). Without this their money would wait in escrow until some other event
 * touched the line — possibly for ever.
 */
async function startMissedEscrowClocks(container: MedusaContainer) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  // Paged, so a backlog of lines still in flight (a service booked months ahead) cannot hide newer ones.
  // Keyset paging (by id), since the rows clocked here leave the filtered set as we go.
  for (let after = ""; ; ) {
    const unclocked = await marketplace.listSplitLines({ release_after: null, released_at: null, id: { $gt: after } } as any, { take: 500, select: ["id", "order_line_id"], order: { id: "ASC" } })
    if (!unclocked.length) return
    after = unclocked[unclocked.length - 1].id
    const reached = (await lines.listOrderLines({ id: unclocked.map((s) => s.order_line_id) }, { select: ["id", "kind", "state", "order_id"] }))
      .filter((l: any) => releaseStates(l.kind).includes(l.state))
    for (const line of reached) {
      await syncLineLedgerWorkflow(container).run({ input: { order_line_id: line.id, order_id: (line as any).order_id } })
    }
    if (unclocked.length < 500) return
  }
}

/**
 * Moves to the merchants' available balances the escrow of every line whose hold has passed and
 * that has no open dispute (issue 5 §3). A line under dispute waits; it is picked up again once the
 * dispute is resolved (its `release_after` stays in the past).
 */
export async function releaseDueEscrow(container: MedusaContainer, now?: Date) {
  await startMissedEscrowClocks(container)
  const at = now ?? new Date()
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const due = await marketplace.listSplitLines({ release_after: { $lte: at }, released_at: null } as any, { take: 1000, order: { release_after: "ASC" } })
  if (!due.length) return { released: [] as string[], frozen: [] as string[] }
  const disputed = new Set(
    (await marketplace.listDisputes({ order_line_id: due.map((l) => l.order_line_id), status: "OPEN" }, { select: ["order_line_id"] })).map((d) => d.order_line_id)
  )
  const released: string[] = []
  for (const line of due) {
    if (disputed.has(line.order_line_id)) continue
    await syncLineLedgerWorkflow(container).run({ input: { order_line_id: line.order_line_id, order_id: line.order_id, release: true } })
    released.push(line.order_line_id)
  }
  return { released, frozen: [...disputed] }
}
