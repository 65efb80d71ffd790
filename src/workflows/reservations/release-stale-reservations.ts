import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { HOLD_DESCRIPTION, reservationTtlMs, withStockLocks } from "./stock"

export type ReleaseResult = { released: string[]; skipped: string[] }

/**
 * Deletes checkout holds older than the TTL (CHECKOUT_RESERVATION_TTL_MS, default 15 min): the cart
 * was not completed in time, its stock goes back on sale. Order reservations are never touched.
 * Each inventory item is handled under the stock locks; an item busy with a checkout right now is
 * skipped and retried on the next run (a completing cart deletes its own holds anyway).
 */
export async function releaseStaleReservations(
  container: MedusaContainer,
  options: { now?: Date; ttlMs?: number; lockWaitMs?: number } = {}
): Promise<ReleaseResult> {
  const now = options.now ?? new Date()
  const ttlMs = options.ttlMs ?? reservationTtlMs()
  const cutoff = new Date(now.getTime() - ttlMs)
  const inventory = container.resolve(Modules.INVENTORY)
  const stale = (await inventory.listReservationItems({ description: HOLD_DESCRIPTION, created_at: { $lte: cutoff } } as any))
    .filter((r: any) => r.metadata?.checkout_hold)
  const byItem = new Map<string, string[]>()
  for (const r of stale as any[]) byItem.set(r.inventory_item_id, [...(byItem.get(r.inventory_item_id) ?? []), r.id])

  const result: ReleaseResult = { released: [], skipped: [] }
  for (const [itemId, ids] of byItem) {
    try {
      await withStockLocks(container, [itemId], async () => {
        // Re-read inside the lock: a completing checkout may have taken them over meanwhile.
        const still = await inventory.listReservationItems({ id: ids, description: HOLD_DESCRIPTION } as any)
        if (still.length) await inventory.deleteReservationItems(still.map((r: any) => r.id))
        result.released.push(...still.map((r: any) => r.id))
      }, options.lockWaitMs ?? 5_000)
    } catch {
      result.skipped.push(...ids)
    }
  }
  return result
}
