import type { MedusaResponse } from "@medusajs/framework/http"
import { listBookingsInRange } from "../../booking/list"
import type { MerchantRequest } from "../context"

/** GET /merchant/bookings?from=&to= — the merchant's own bookings (the calendar week view). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant_id: _own, ...query } = req.query as Record<string, unknown>
  res.json(await listBookingsInRange(req.scope, query, req.merchantContext.merchant.id))
}
