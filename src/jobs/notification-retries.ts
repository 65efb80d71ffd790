import type { MedusaContainer } from "@medusajs/framework/types"
import { observedJob } from "../observability/job-runs"
import { retryDueDeliveries } from "../workflows/notifications/retry"

/** Notification retries with exponential backoff up to NOTIFY_MAX_ATTEMPTS, then FAILED (docs/notifications.md). */
async function notificationRetriesJob(container: MedusaContainer) {
  await retryDueDeliveries(container)
}

export const config = {
  name: "notification-retries",
  // Every minute; NOTIFICATION_RETRIES_SCHEDULE (cron, seconds allowed) for tests and impatient dev setups.
  schedule: process.env.NOTIFICATION_RETRIES_SCHEDULE || "* * * * *",
}

export default observedJob(config.name, notificationRetriesJob)
