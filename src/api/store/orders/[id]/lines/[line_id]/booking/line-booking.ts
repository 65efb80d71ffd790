import type { MedusaRequest } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { bookingService } from "../../../../../../../workflows/booking/schedules"
import { findOrderLine } from "../../../../../../order-lines/present"

/**
 * The booking of one SERVICE line of this order (the booked one, else the latest): a guest on the
 * order's signed link reaches a booking only through a line of that very order, never by booking id.
 */
export async function bookingOfOrderLine(req: MedusaRequest) {
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  const bookings: any[] = line.line_item_id
    ? await bookingService(req.scope).listBookings({ line_item_id: line.line_item_id, order_id: req.params.id } as any, { order: { created_at: "DESC" } })
    : []
  const booking = bookings.find((b) => b.status === "BOOKED") ?? bookings.find((b) => b.status === "CANCELLED")
  if (!booking) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} has no booking`)
  return booking
}
