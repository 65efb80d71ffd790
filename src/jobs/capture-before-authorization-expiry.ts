import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { captureBeforeAuthorizationExpiry } from "../workflows/order-lines/capture-before-expiry"

// Hourly: lines whose card authorization is about to lapse are captured and held in escrow.
async function captureBeforeExpiry(container: MedusaContainer) {
  const logger = container.resolve("logger")
  const { captured, failed } = await captureBeforeAuthorizationExpiry(container)
  if (captured.length) logger.info(`Captured ${captured.length} line(s) before their authorization expired`)
  for (const f of failed) logger.warn(`Could not capture line ${f.id} before expiry: ${f.error}`)
}

export const config = { name: "capture-before-authorization-expiry", schedule: "0 * * * *" }

export default observedJob(config.name, captureBeforeExpiry)
