import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toIcs } from "../../../lib/booking/ics"
import { SnailError } from "../../../lib/snail-error"
import { presentBookings } from "../../../workflows/booking/manage"
import { bookingService } from "../../../workflows/booking/schedules"

const DAY = 86_400_000

/**
 * GET /calendar/:token.ics — a merchant's bookings from 30 days back to 180 days ahead as an
 * iCalendar feed. The unguessable token is the only credential (calendar apps send no headers).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = String(req.params.token ?? "").replace(/\.ics$/, "")
  const service = bookingService(req.scope)
  const [feed] = token.length >= 20 ? await service.listCalendarFeeds({ token }) : []
  if (!feed) throw new SnailError(404, "NOT_FOUND", "Unknown calendar feed")
  const now = Date.now()
  const rows = await service.listBookings(
    { merchant_id: feed.merchant_id, status: ["BOOKED", "CANCELLED"], order_id: { $ne: null }, start_at: { $gte: new Date(now - 30 * DAY), $lt: new Date(now + 180 * DAY) } } as any,
    { order: { start_at: "ASC" }, take: 5000 }
  )
  const views = await presentBookings(req.scope, rows)
  const ics = toIcs("Bookings", views.map((v) => ({
    uid: `${v.line_item_id ?? v.id}@snail-marketplace`,
    start: new Date(v.start_at), end: new Date(v.end_at),
    summary: `${v.title ?? "Booking"} (#${v.order_display_id ?? v.order_id})`,
    description: `Line ${v.line?.state ?? "?"} · ${v.timezone}`,
    status: v.status === "CANCELLED" || v.line?.state === "CANCELLED" ? "CANCELLED" : v.line?.state === "PAID" ? "TENTATIVE" : "CONFIRMED",
    sequence: v.reschedule_count,
  })))
  res.setHeader("Content-Type", "text/calendar; charset=utf-8")
  res.setHeader("Cache-Control", "private, max-age=300")
  res.status(200).send(ics)
}
