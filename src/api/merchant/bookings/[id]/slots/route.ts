import type { MedusaResponse } from "@medusajs/framework/http"
import { availableSlots } from "../../../../../workflows/booking/availability"
import { bookingInfoForVariants, bookingService } from "../../../../../workflows/booking/schedules"
import { merchantsBooking } from "../../../../booking/access"
import { parseRange } from "../../../../booking/range"
import type { MerchantRequest } from "../../../context"

/**
 * GET /merchant/bookings/:id/slots?from=&to= — where this booking could move: the free slots of the
 * schedule the reschedule would use, with enough places left for every seat of the line. Read here
 * rather than from /store/products/:id/slots so a service the merchant has unpublished can still
 * have its existing appointments moved.
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const booking = await merchantsBooking(req.scope, req.params.id, req.merchantContext.merchant.id)
  const { from, to } = parseRange((req as any).validatedQuery ?? {}, { days: 14, maxDays: 62 })
  const info = booking.variant_id ? (await bookingInfoForVariants(req.scope, [booking.variant_id])).get(booking.variant_id) : undefined
  const schedule: any = info?.schedule
  if (!schedule) return res.json({ booking_id: booking.id, timezone: booking.timezone, seats: 0, slots: [], from: from.toISOString(), to: to.toISOString() })
  const seats = (await bookingService(req.scope).listBookings({ line_item_id: booking.line_item_id, status: "BOOKED" } as any)).length || 1
  const current = new Date(booking.start_at).toISOString()
  const slots = (await availableSlots(req.scope, schedule, from, to)).filter((s) => s.remaining >= seats && s.start_at !== current)
  res.json({ booking_id: booking.id, timezone: schedule.timezone, slot_minutes: schedule.slot_minutes, seats, slots, from: from.toISOString(), to: to.toISOString() })
}
