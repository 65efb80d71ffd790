import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { bookingIcs, bookingOf, lineFacts } from "./line-facts"
import { buyerOf, merchantRecipients } from "./shared"

/** Buyer: confirmation with the .ics; the merchant: a new booking with the client's name. */
export const buildBookingConfirmedStep = createStep("build-booking-confirmed-notifications", async (input: { line_id: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `booking.confirmed:${input.line_id}`, messages: [] }
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  const booking = await bookingOf(container, f.line.line_item_id)
  if (!booking) return new StepResponse(batch)
  const merchant = f.line.merchant_id ? await merchantRecipients(container, f.line.merchant_id) : null
  const place = merchant?.name ?? ""
  batch.messages.push({
    type: "BOOKING_CONFIRMED", template: "booking-confirmed", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, merchant_name: place, start_at: new Date(booking.start_at).toISOString(),
      timezone: booking.timezone, order_url: f.order_url, ics: bookingIcs(booking, f.title, place, "CONFIRMED") },
  })
  if (merchant) {
    batch.messages.push({
      type: "MERCHANT_NEW_BOOKING", template: "merchant-new-booking", recipients: merchant.recipients,
      data: { title: f.title, start_at: new Date(booking.start_at).toISOString(), timezone: booking.timezone,
        customer_name: f.order.email ?? "", portal_url: `${storefrontUrl()}/merchant?order=${f.order.id}` },
    })
  }
  return new StepResponse(batch)
})

export const notifyBookingConfirmedWorkflow = notificationWorkflow("notify-booking-confirmed", buildBookingConfirmedStep)
