import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listBookingsInRange } from "../../booking/list"

/** GET /admin/bookings?from=&to=&merchant_id= — operators' calendar across merchants. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { merchant_id, ...query } = req.query as Record<string, unknown>
  res.json(await listBookingsInRange(req.scope, query, typeof merchant_id === "string" && merchant_id ? merchant_id : undefined))
}
