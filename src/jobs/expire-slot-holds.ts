import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireSlotHolds } from "../workflows/booking/expire-holds"

/** Booking slot holds past the checkout TTL (CHECKOUT_RESERVATION_TTL_MS) free their seats. */
async function expireSlotHoldsJob(container: MedusaContainer) {
  const released = await expireSlotHolds(container)
  if (released.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`Expired ${released.length} booking slot hold(s)`)
}

export const config = { name: "expire-slot-holds", schedule: "* * * * *" }

export default observedJob(config.name, expireSlotHoldsJob)
