import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelBooking, presentBookings } from "../../../../../workflows/booking/manage"
import { buyersBooking } from "../../../../booking/access"
import type { CancelBodyType } from "../../../../booking/validators"

/** POST /store/bookings/:id/cancel — free until the policy's window, then paid − fee is refunded; never after the start. */
export const POST = async (req: AuthenticatedMedusaRequest<CancelBodyType>, res: MedusaResponse) => {
  await buyersBooking(req.scope, req.params.id, req.auth_context.actor_id)
  const after = await cancelBooking(req.scope, {
    booking_id: req.params.id, actor_type: "buyer", actor_id: req.auth_context.actor_id, reason: req.validatedBody?.reason ?? "cancelled by the buyer",
  })
  const [booking] = await presentBookings(req.scope, [after])
  res.json({ booking })
}
