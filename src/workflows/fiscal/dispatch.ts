import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SNAIL_EVENTS } from "../../lib/events"
import { FISCAL_MODULE } from "../../modules/fiscal"
import type FiscalModuleService from "../../modules/fiscal/service"

/**
 * Drives receipts through the outbox once each: due ones (or all unfinished up to `until`).
 * Never throws for one receipt: its error is recorded on it and it is retried later.
 */
export async function dispatchFiscalReceipts(container: MedusaContainer, opts: { ids?: string[]; until?: Date; now?: Date } = {}) {
  const fiscal: FiscalModuleService = container.resolve(FISCAL_MODULE)
  const logger = container.resolve("logger") as any
  const ids = opts.ids ?? (await fiscal.due(opts.until ?? new Date(), 100)).map((r) => r.id)
  const results: any[] = []
  const events: { name: string; data: Record<string, unknown> }[] = []
  for (const id of ids) {
    try {
      const before = (await fiscal.listFiscalReceipts({ id }, { select: ["status"] }))[0]?.status
      const r = await fiscal.dispatch(id, opts.now ?? new Date())
      results.push(r)
      if (r.status !== before && (r.status === "DONE" || r.status === "FAILED")) {
        events.push({
          name: r.status === "DONE" ? SNAIL_EVENTS.FISCAL_RECEIPT_DONE : SNAIL_EVENTS.FISCAL_RECEIPT_FAILED,
          data: { id: r.id, order_id: r.order_id, operation: r.operation, settlement: r.settlement, status: r.status, last_error: r.last_error ?? null },
        })
      }
    } catch (e: any) {
      logger.warn(`Fiscal receipt ${id}: ${e?.message ?? e}`)
    }
  }
  if (events.length) await (container.resolve(Modules.EVENT_BUS) as any).emit(events).catch((e: any) => logger.warn(`Fiscal events: ${e?.message ?? e}`))
  return results
}
