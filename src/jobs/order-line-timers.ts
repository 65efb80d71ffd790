import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { runDueLineTimers } from "../workflows/order-lines/run-line-timers"

// Reservation expiry and auto-close of order lines (DESIGN.md §4 timed transitions).
async function orderLineTimers(container: MedusaContainer) {
  const logger = container.resolve("logger")
  const { moved, failed } = await runDueLineTimers(container)
  if (moved.length) logger.info(`Order line timers moved ${moved.length} line(s)`)
  for (const f of failed) logger.warn(`Order line timer could not move ${f.id}: ${f.error}`)
}

export const config = { name: "order-line-timers", schedule: "* * * * *" }

export default observedJob(config.name, orderLineTimers)
