import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Waits until the Redis event bus has no waiting or running jobs. The test runner shuts the app
 * down right after the last test; a subscriber still running then hits a closed Redis connection
 * ("Connection is closed.") and fails the whole file. With the in-memory bus this is a no-op.
 */
export async function drainEventBus(container: MedusaContainer, timeoutMs = 15000) {
  const queue = (container.resolve(Modules.EVENT_BUS) as any).queue_
  if (!queue?.getJobCounts) return
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized")
    if (!Object.values(counts as Record<string, number>).some((n) => n > 0)) return
    await new Promise((r) => setTimeout(r, 100))
  }
}
