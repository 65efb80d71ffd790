import type { MedusaResponse } from "@medusajs/framework/http"
import type { MerchantRequest } from "../context"
import { listScopedOrders } from "./scoped-order"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100)
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0)
  const { orders, count } = await listScopedOrders(req.scope, req.merchantContext.merchant.id, { limit, offset })
  res.json({ orders, count, limit, offset })
}
