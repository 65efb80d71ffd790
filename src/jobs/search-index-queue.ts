import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainSearchQueue } from "../workflows/search/indexer"

/** Safety net for the search index queue: whatever the in-process drains left (crash, restart) is indexed here. */
async function searchIndexQueueJob(container: MedusaContainer) {
  const processed = await drainSearchQueue(container, { batchSize: 200 })
  if (processed) container.resolve(ContainerRegistrationKeys.LOGGER).info(`search: indexed ${processed} queued change(s)`)
}

export const config = { name: "search-index-queue", schedule: "* * * * *" }

export default observedJob(config.name, searchIndexQueueJob)
