import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The merchant's own stock location (where its lines are reserved, fulfilled and restocked). */
export async function merchantStockLocationId(container: MedusaContainer, merchantId: string | null | undefined): Promise<string | undefined> {
  if (!merchantId) return undefined
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [m] } = await query.graph({ entity: "merchant", fields: ["stock_location.id"], filters: { id: merchantId } })
  return (m as any)?.stock_location?.id
}
