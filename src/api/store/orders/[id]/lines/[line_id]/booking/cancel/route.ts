import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelBooking, presentBookings } from "../../../../../../../../workflows/booking/manage"
import type { CancelBodyType } from "../../../../../../../booking/validators"
import { buyerMovingOrder } from "../../../../../../buyer-orders"
import { bookingOfOrderLine } from "../line-booking"

/** POST …/lines/:line_id/booking/cancel — the buyer's cancel (policy, fee and refund as from My bookings). */
export const POST = async (req: AuthenticatedMedusaRequest<CancelBodyType>, res: MedusaResponse) => {
  const buyer = await buyerMovingOrder(req, req.params.id)
  const booking = await bookingOfOrderLine(req)
  const after = await cancelBooking(req.scope, {
    booking_id: booking.id, actor_type: "buyer", actor_id: buyer.customer_id,
    reason: req.validatedBody?.reason ?? (buyer.via === "link" ? "cancelled by the buyer (order link)" : "cancelled by the buyer"),
  })
  const [presented] = await presentBookings(req.scope, [after])
  res.json({ booking: presented })
}
