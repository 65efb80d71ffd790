import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SNAIL_EVENTS } from "../../lib/events"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import type { StoredOperation } from "../../modules/order-lines/service"
import { syncLineLedgerWorkflow } from "../marketplace-money/sync-line-ledger"
import { withOrderMoneyLock } from "./money-lock"
import { driveOperation, OPERATION_LEASE_MS } from "./payment-operations"
import { recordLineRefund } from "./steps/refund-line"
import { transitionOrderLineWorkflow } from "./transition-order-line"

export type RecoveryReport = {
  settled: { id: string; kind: string; order_id: string; state: string }[]
  still_unknown: string[]
  busy_orders: string[]
  finished: string[]
}

/**
 * Settles what a crash, a timeout or a PSP fault left open (DESIGN.md §4). Operations still
 * PENDING/UNKNOWN after their lease are sent again with their own key — the PSP answers a key it
 * has seen with the first result, so this either finds the money moved or moves it exactly once —
 * under the order's money lock. Then whatever should have followed a succeeded operation and did
 * not (the refund's history row and restock, the line move the capture served, the ledger
 * booking, the refund event for receipts and credit notes) is done. Runs every minute and at start.
 */
export async function recoverPaymentOperations(container: MedusaContainer, now = new Date()): Promise<RecoveryReport> {
  const service = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const report: RecoveryReport = { settled: [], still_unknown: [], busy_orders: [], finished: [] }

  const open = await service.listOpenOperations({ lapsed: true })
  const succeeded: StoredOperation[] = []
  for (const orderId of [...new Set(open.map((o) => o.order_id))]) {
    try {
      await withOrderMoneyLock(container, orderId, async () => {
        for (const candidate of open.filter((o) => o.order_id === orderId)) {
          const op = await service.leaseOperation(candidate.id, OPERATION_LEASE_MS, { force: true })
          if (!op) continue
          const result = await driveOperation(container, op)
          if (result.state === "UNKNOWN") report.still_unknown.push(op.id)
          else report.settled.push({ id: op.id, kind: op.kind, order_id: op.order_id, state: result.state })
          if (result.state === "SUCCEEDED") succeeded.push(op)
        }
      }, 2000)
    } catch (e: any) {
      // The order's lock holder settles its open operations itself before moving any money.
      if (e?.code === "ORDER_BUSY") report.busy_orders.push(orderId)
      else logger.error(`payment recovery: order ${orderId}: ${e?.message ?? e}`)
    }
  }

  // What this pass settled is finished now (outside the lock: the line move takes it again); other
  // succeeded operations only once their request had its lease to finish them itself.
  const stale = await service.listUnfinishedOperations({ settled_before: new Date(now.getTime() - OPERATION_LEASE_MS) })
  const unfinished = [...succeeded, ...stale.filter((o) => !succeeded.some((s) => s.id === o.id))]
  for (const op of unfinished) {
    try {
      await finishOperation(container, op)
      report.finished.push(op.id)
    } catch (e: any) {
      logger.error(`payment recovery: finishing ${op.id}: ${e?.message ?? e}`)
    }
  }
  if (report.settled.length || report.still_unknown.length || report.finished.length) {
    logger.info(`payment recovery: ${report.settled.length} settled, ${report.still_unknown.length} still unknown, ${report.finished.length} finished`)
  }
  return report
}

/** Everything that follows a succeeded operation, each part idempotent. */
export async function finishOperation(container: MedusaContainer, op: StoredOperation) {
  const service = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  if (op.kind === "refund" && op.line_id) {
    const refundId = await recordLineRefund(container, op)
    await container.resolve(Modules.EVENT_BUS).emit({
      name: SNAIL_EVENTS.ORDER_LINE_REFUNDED,
      data: { id: op.line_id, amount_minor: op.line_amount, refund_id: refundId ?? null, reason: op.context?.reason ?? null, actor_type: op.context?.actor_type ?? "system" },
    })
  }
  const move = op.context?.move
  if (move && op.line_id) {
    const [line] = await service.listOrderLines({ id: op.line_id }, { select: ["id", "state"] })
    // The move this money served was undone when its request failed: make it now (its money is in).
    if (line?.state === move.from) {
      await transitionOrderLineWorkflow(container).run({
        input: { line_id: op.line_id, to: move.to, actor_type: move.actor_type, actor_id: move.actor_id ?? null, reason: move.reason ?? "finished after recovery", carrier: move.carrier ?? undefined, tracking_number: move.tracking_number ?? undefined },
      })
    }
  }
  if (op.line_id) await syncLineLedgerWorkflow(container).run({ input: { order_line_id: op.line_id, order_id: op.order_id } })
  await service.markOperationsFinished([op.id])
}
