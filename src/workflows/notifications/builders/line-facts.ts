import type { MedusaContainer } from "@medusajs/framework/types"
import { orderLinkUrl } from "../../../lib/orders/order-link"
import { toMinor } from "../../../lib/money"
import { toIcs } from "../../../lib/booking/ics"
import { BOOKING_MODULE } from "../../../modules/booking"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import { orderFacts, type OrderFacts } from "./shared"

export type LineFacts = {
  line: any
  order: OrderFacts
  title: string
  order_url: string
  captured_minor: number
  refunded_minor: number
}

/** One order line with its order, item title and the buyer's signed order link. */
export async function lineFacts(container: MedusaContainer, lineId: string): Promise<LineFacts | null> {
  const [line] = await (container.resolve(ORDER_LINES_MODULE) as any).listOrderLines({ id: lineId })
  if (!line) return null
  const order = await orderFacts(container, line.order_id)
  if (!order) return null
  const item = order.items.find((i) => i.id === line.line_item_id)
  return {
    line, order, title: item?.title ?? "", order_url: orderLinkUrl(order.id),
    captured_minor: toMinor(line.captured_amount ?? 0, line.currency_code),
    refunded_minor: toMinor(line.refunded_amount ?? 0, line.currency_code),
  }
}

/** The booking a service line holds (latest first: a reschedule makes a new one). */
export async function bookingOf(container: MedusaContainer, lineItemId: string) {
  const bookings: any[] = await (container.resolve(BOOKING_MODULE) as any).listBookings({ line_item_id: lineItemId }, { order: { created_at: "DESC" } })
  return bookings.find((b) => b.status === "BOOKED") ?? bookings[0] ?? null
}

export function bookingIcs(booking: any, title: string, place: string, status: "CONFIRMED" | "CANCELLED"): string {
  return toIcs("SnailMarketplace", [{
    uid: `${booking.id}@snailmarketplace`, start: new Date(booking.start_at), end: new Date(booking.end_at), summary: title,
    location: place, status, sequence: status === "CANCELLED" ? 1 : 0,
  }])
}
