import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentBookings } from "../../../workflows/booking/manage"
import { bookingService } from "../../../workflows/booking/schedules"

/** GET /store/bookings — the signed-in buyer's bookings (booked and cancelled), soonest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const rows = await bookingService(req.scope).listBookings(
    { customer_id: req.auth_context.actor_id, status: ["BOOKED", "CANCELLED"] } as any,
    { order: { start_at: "ASC" }, take: 200 }
  )
  const bookings = await presentBookings(req.scope, rows.filter((b: any) => b.order_id))
  res.json({ bookings })
}
