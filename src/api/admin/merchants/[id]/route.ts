import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../../../lib/snail-error"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "merchant",
    fields: ["*", "users.id", "users.email", "users.role", "users.created_at", "products.id", "stock_location.id", "stock_location.name"],
    filters: { id: req.params.id },
  })
  if (!data[0]) throw new SnailError(404, "NOT_FOUND", `Merchant ${req.params.id} not found`)
  const { products, ...merchant } = data[0] as any
  res.json({ merchant: { ...merchant, product_count: (products ?? []).filter(Boolean).length } })
}
