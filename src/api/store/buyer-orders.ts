import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"

/** 404 unless the order belongs to the signed-in customer. */
export async function assertBuyersOrder(scope: MedusaContainer, orderId: string, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  if (!data[0] || data[0].customer_id !== customerId) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
}
