import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentBookings } from "../../../../workflows/booking/manage"
import { buyersBooking } from "../../../booking/access"

/** GET /store/bookings/:id — with what cancelling (fee, refund) or rescheduling would do now. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const b = await buyersBooking(req.scope, req.params.id, req.auth_context.actor_id)
  const [booking] = await presentBookings(req.scope, [b])
  res.json({ booking })
}
