import type { MedusaContainer } from "@medusajs/framework/types"
import { presentBookings } from "../../workflows/booking/manage"
import { bookingService } from "../../workflows/booking/schedules"
import { parseRange } from "./range"

/** Bookings (not cart holds) starting in the query's range (default: this week from now), one merchant or all. */
export async function listBookingsInRange(scope: MedusaContainer, query: Record<string, unknown>, merchantId?: string) {
  const { from, to } = parseRange(query, { days: 7, maxDays: 93 })
  const filters: Record<string, unknown> = { start_at: { $gte: from, $lt: to }, status: ["BOOKED", "CANCELLED"], order_id: { $ne: null } }
  if (merchantId) filters.merchant_id = merchantId
  const rows = await bookingService(scope).listBookings(filters as any, { order: { start_at: "ASC" }, take: 1000 })
  return { from: from.toISOString(), to: to.toISOString(), bookings: await presentBookings(scope, rows) }
}
