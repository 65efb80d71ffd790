import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentBookings } from "../../../../../../../workflows/booking/manage"
import { buyerOnOrder } from "../../../../../buyer-orders"
import { bookingOfOrderLine } from "./line-booking"

/**
 * GET /store/orders/:id/lines/:line_id/booking — the line's booking with what cancelling (fee, refund)
 * or rescheduling would do now; for the signed-in buyer or a guest with the order's link (`?token=`).
 * A link to an order in an account reads it with both moves closed (ORDER_LINK_SIGN_IN_REQUIRED).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const buyer = await buyerOnOrder(req, req.params.id)
  const [booking] = await presentBookings(req.scope, [await bookingOfOrderLine(req)])
  if (!buyer.may_move) {
    const closed = { allowed: false, code: "ORDER_LINK_SIGN_IN_REQUIRED" }
    return res.json({ booking: { ...booking, cancel: closed, reschedule: closed } })
  }
  res.json({ booking })
}
