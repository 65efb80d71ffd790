import type { MedusaResponse } from "@medusajs/framework/http"
import { presentBookings } from "../../../../workflows/booking/manage"
import { merchantsBooking } from "../../../booking/access"
import type { MerchantRequest } from "../../context"

/** Confirm / serve / no-show go through POST /merchant/orders/:order_id/lines/:line_id/transitions. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const b = await merchantsBooking(req.scope, req.params.id, req.merchantContext.merchant.id)
  const [booking] = await presentBookings(req.scope, [b])
  res.json({ booking })
}
