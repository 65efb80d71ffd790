import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentBookings, rescheduleBooking } from "../../../../../workflows/booking/manage"
import { buyersBooking } from "../../../../booking/access"
import type { RescheduleBodyType } from "../../../../booking/validators"

/** POST /store/bookings/:id/reschedule { slot_start } — answers with the new booking (new id). */
export const POST = async (req: AuthenticatedMedusaRequest<RescheduleBodyType>, res: MedusaResponse) => {
  await buyersBooking(req.scope, req.params.id, req.auth_context.actor_id)
  const moved = await rescheduleBooking(req.scope, { booking_id: req.params.id, slot_start: req.validatedBody.slot_start, actor_id: req.auth_context.actor_id })
  const [booking] = await presentBookings(req.scope, [moved])
  res.json({ booking })
}
