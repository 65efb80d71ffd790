import type { MedusaContainer } from "@medusajs/framework/types"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { syncLineLedgerWorkflow } from "./sync-line-ledger"

/**
 * Moves to the merchants' available balances the escrow of every line whose hold has passed and
 * that has no open dispute (issue 5 §3). A line under dispute waits; it is picked up again once the
 * dispute is resolved (its `release_after` stays in the past).
 */
export async function releaseDueEscrow(container: MedusaContainer, now = new Date()) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const due = await marketplace.listSplitLines({ release_after: { $lte: now }, released_at: null } as any, { take: 1000, order: { release_after: "ASC" } })
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
