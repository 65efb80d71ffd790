import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseDueEscrow } from "../workflows/marketplace-money/release-escrow"

// Escrow → available for lines whose hold passed without a dispute (issue 5 §3).
async function releaseEscrow(container: MedusaContainer) {
  const { released } = await releaseDueEscrow(container)
  if (released.length) container.resolve("logger").info(`Escrow released for ${released.length} line(s)`)
}

export const config = { name: "release-escrow", schedule: "*/10 * * * *" }

export default observedJob(config.name, releaseEscrow)
