import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { enqueueSearchChanges } from "../workflows/search/indexer"

/**
 * A service's "next free slot" moves with the clock (slots pass, the horizon advances) and with
 * schedule edits, which emit no event: every SERVICE and COURSE product is re-queued hourly.
 */
async function searchRefreshServicesJob(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_kind", fields: ["product.id"], filters: { kind: ["SERVICE", "COURSE"] } })
  const ids = (data as any[]).map((k) => k.product?.id).filter(Boolean)
  await enqueueSearchChanges(container, ids.map((id) => ({ entity: "product" as const, entity_id: id, reason: "hourly-service-refresh" })))
}

export const config = { name: "search-refresh-services", schedule: "17 * * * *" }

export default observedJob(config.name, searchRefreshServicesJob)
