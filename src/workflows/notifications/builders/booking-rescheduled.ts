import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toIcs } from "../../../lib/booking/ics"
import { BOOKING_MODULE } from "../../../modules/booking"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf, merchantRecipients } from "./shared"

type Input = { id: string; previous_id: string; line_item_id: string; merchant_id?: string | null; from_start_at: string; start_at: string }

/**
 * The buyer's booking moved (a reschedule makes a new booking): the .ics cancels the old calendar
 * entry and adds the new one, so a calendar that imported the confirmation follows the move.
 */
export const buildBookingRescheduledStep = createStep("build-booking-rescheduled-notification", async (input: Input, { container }) => {
  const batch: Batch = { event_name: "booking.rescheduled", event_id: `booking.rescheduled:${input.id}`, messages: [] }
  const bookings: any[] = await (container.resolve(BOOKING_MODULE) as any).listBookings({ id: [input.id, input.previous_id] })
  const moved = bookings.find((b) => b.id === input.id)
  const previous = bookings.find((b) => b.id === input.previous_id)
  const [line] = await (container.resolve(ORDER_LINES_MODULE) as any).listOrderLines({ line_item_id: input.line_item_id })
  const f = line ? await lineFacts(container, line.id) : null
  if (!moved || !f) return new StepResponse(batch)
  const merchantId = input.merchant_id ?? f.line.merchant_id
  const merchant = merchantId ? await merchantRecipients(container, merchantId) : null
  const place = merchant?.name ?? ""
  const event = (b: any, status: "CONFIRMED" | "CANCELLED") => ({
    uid: `${b.id}@snailmarketplace`, start: new Date(b.start_at), end: new Date(b.end_at), summary: f.title, location: place, status,
    sequence: status === "CANCELLED" ? 1 : 0,
  })
  const calendar = toIcs("SnailMarketplace", [...(previous ? [event(previous, "CANCELLED")] : []), event(moved, "CONFIRMED")])
  batch.messages.push({
    type: "BOOKING_RESCHEDULED", template: "booking-rescheduled", recipients: [buyerOf(f.order)],
    data: { title: f.title, merchant_name: place, from_start_at: new Date(input.from_start_at).toISOString(), start_at: new Date(moved.start_at).toISOString(),
      timezone: moved.timezone, order_url: f.order_url, ics: calendar },
  })
  return new StepResponse(batch)
})

export const notifyBookingRescheduledWorkflow = notificationWorkflow("notify-booking-rescheduled", buildBookingRescheduledStep)
