import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import type { MerchantRequest } from "../../context"
import { listScopedOrders } from "../scoped-order"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const { orders } = await listScopedOrders(req.scope, req.merchantContext.merchant.id, { ids: [req.params.id], limit: 1, offset: 0 })
  if (!orders.length) throw new SnailError(404, "NOT_FOUND", `Order ${req.params.id} not found`)
  res.json({ order: orders[0] })
}
