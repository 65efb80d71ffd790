import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../lib/snail-error"
import { bookingService } from "../../workflows/booking/schedules"

const notFound = (id: string) => new SnailError(404, "NOT_FOUND", `Booking ${id} not found`)

/** A booking of the signed-in customer (404 for anyone else's, or for a mere cart hold). */
export async function buyersBooking(scope: MedusaContainer, id: string, customerId: string) {
  const [b] = await bookingService(scope).listBookings({ id })
  if (!b || !b.order_id || b.customer_id !== customerId) throw notFound(id)
  return b
}

/** A booking of the merchant's own products (404 otherwise). */
export async function merchantsBooking(scope: MedusaContainer, id: string, merchantId: string) {
  const [b] = await bookingService(scope).listBookings({ id })
  if (!b || !b.order_id || b.merchant_id !== merchantId) throw notFound(id)
  return b
}

export async function merchantsSchedule(scope: MedusaContainer, id: string, merchantId: string) {
  const [s] = await bookingService(scope).listSchedules({ id })
  if (!s || s.merchant_id !== merchantId) throw new SnailError(404, "NOT_FOUND", `Schedule ${id} not found`)
  return s
}
