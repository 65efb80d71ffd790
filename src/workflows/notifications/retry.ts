import type { MedusaContainer } from "@medusajs/framework/types"
import { NOTIFICATION_CENTER_MODULE } from "../../modules/notification-center"
import type NotificationCenterService from "../../modules/notification-center/service"
import { attemptDelivery } from "./deliver"

/** One pass of the retry queue: every delivery whose backoff has passed gets its next attempt. */
export async function retryDueDeliveries(container: MedusaContainer, limit = 100): Promise<Record<string, string | null>> {
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const results: Record<string, string | null> = {}
  for (const id of await center.dueDeliveryIds(limit)) results[id] = await attemptDelivery(container, id)
  return results
}
