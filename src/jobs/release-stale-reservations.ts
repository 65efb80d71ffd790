import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseStaleReservations } from "../workflows/reservations/release-stale-reservations"

/** Checkout holds not turned into an order within CHECKOUT_RESERVATION_TTL_MS (default 15 min) are released. */
async function releaseStaleReservationsJob(container: MedusaContainer) {
  const { released, skipped } = await releaseStaleReservations(container)
  if (released.length || skipped.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Released ${released.length} stale checkout hold(s)${skipped.length ? `, ${skipped.length} busy, retried next run` : ""}`)
  }
}

export const config = {
  name: "release-stale-reservations",
  schedule: "* * * * *",
}

export default observedJob(config.name, releaseStaleReservationsJob)
