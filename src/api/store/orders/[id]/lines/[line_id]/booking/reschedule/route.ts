import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentBookings, rescheduleBooking } from "../../../../../../../../workflows/booking/manage"
import type { RescheduleBodyType } from "../../../../../../../booking/validators"
import { buyerMovingOrder } from "../../../../../../buyer-orders"
import { bookingOfOrderLine } from "../line-booking"

/** POST …/lines/:line_id/booking/reschedule { slot_start } — the buyer's move, under the schedule's policy. */
export const POST = async (req: AuthenticatedMedusaRequest<RescheduleBodyType>, res: MedusaResponse) => {
  const buyer = await buyerMovingOrder(req, req.params.id)
  const booking = await bookingOfOrderLine(req)
  const moved = await rescheduleBooking(req.scope, { booking_id: booking.id, slot_start: req.validatedBody.slot_start, actor_id: buyer.customer_id })
  const [presented] = await presentBookings(req.scope, [moved])
  res.json({ booking: presented })
}
