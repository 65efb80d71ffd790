import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureNoDeliveryAt } from "../workflows/order-lines/no-delivery"

/**
 * Merchants approved before "No delivery" sets were per location (issue 16) get theirs at their own
 * location, so the Medusa admin's "Fulfill items" form works on their service- and course-only
 * orders. Runs once, during `medusa db:migrate`; idempotent if run again.
 */
export default async function noDeliveryAtMerchantLocations({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: merchants } = await query.graph({ entity: "merchant", fields: ["id", "stock_location.id"] })
  for (const m of merchants as any[]) {
    if (m.stock_location?.id) await ensureNoDeliveryAt(container, m.stock_location.id)
  }
}
