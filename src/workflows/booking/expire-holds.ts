import type { MedusaContainer } from "@medusajs/framework/types"
import { bookingService } from "./schedules"

/**
 * Slot holds of carts not completed within the checkout TTL are retired (EXPIRED) so their seats
 * are offered again; their Redis seat locks lapse with the same TTL and are deleted here too.
 * (A hold is never offered past its expires_at anyway: availability and new holds ignore it.)
 */
export async function expireSlotHolds(container: MedusaContainer, now = new Date()) {
  const service = bookingService(container)
  const expired = await service.expireHolds({ now })
  for (const row of expired) await service.releaseSeatLock(row).catch(() => undefined)
  return expired.map((r) => r.id)
}
