import type { MedusaContainer } from "@medusajs/framework/types"
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
  for (const id of ids) {
    try {
      results.push(await fiscal.dispatch(id, opts.now ?? new Date()))
    } catch (e: any) {
      logger.warn(`Fiscal receipt ${id}: ${e?.message ?? e}`)
    }
  }
  return results
}
