import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toIcs } from "../../../../../lib/booking/ics"
import { presentBookings } from "../../../../../workflows/booking/manage"
import { buyersBooking } from "../../../../booking/access"

/** GET /store/bookings/:id/ics — the booking as an iCalendar file for the buyer's calendar. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const b = await buyersBooking(req.scope, req.params.id, req.auth_context.actor_id)
  const [view] = await presentBookings(req.scope, [b])
  const ics = toIcs("SnailMarketplace booking", [{
    uid: `${view.line_item_id ?? view.id}@snail-marketplace`,
    start: new Date(view.start_at), end: new Date(view.end_at),
    summary: view.title ?? "Booking",
    description: `Order #${view.order_display_id ?? view.order_id} · ${view.timezone}`,
    status: view.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED",
    sequence: view.reschedule_count,
  }])
  res.setHeader("Content-Type", "text/calendar; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="booking-${view.id}.ics"`)
  res.status(200).send(ics)
}
