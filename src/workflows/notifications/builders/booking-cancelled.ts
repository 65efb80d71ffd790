import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { bookingIcs, bookingOf, lineFacts } from "./line-facts"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { buyerOf, merchantRecipients } from "./shared"

/**
 * The cancellation with its money: the fee is what stays captured after the refund, the refund
 * what went back (both 0 when the line was never captured: the authorization is simply released).
 * When the buyer cancelled, the merchant hears of it too (its slot is free again).
 */
export const buildBookingCancelledStep = createStep("build-booking-cancelled-notification", async (input: { line_id: string; actor_type?: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `booking.cancelled:${input.line_id}`, messages: [] }
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  const booking = await bookingOf(container, f.line.line_item_id)
  if (!booking) return new StepResponse(batch)
  batch.messages.push({
    type: "BOOKING_CANCELLED", template: "booking-cancelled", recipients: [buyerOf(f.order)],
    data: { title: f.title, start_at: new Date(booking.start_at).toISOString(), timezone: booking.timezone, currency_code: f.line.currency_code,
      fee_minor: f.captured_minor - f.refunded_minor, refund_minor: f.refunded_minor, order_url: f.order_url,
      ics: bookingIcs(booking, f.title, "", "CANCELLED") },
  })
  const merchant = input.actor_type === "buyer" && f.line.merchant_id ? await merchantRecipients(container, f.line.merchant_id) : null
  if (merchant) {
    batch.messages.push({
      type: "MERCHANT_BOOKING_CANCELLED", template: "merchant-booking-cancelled", recipients: merchant.recipients,
      data: { title: f.title, start_at: new Date(booking.start_at).toISOString(), timezone: booking.timezone, customer_name: f.order.email ?? "",
        fee_minor: f.captured_minor - f.refunded_minor, currency_code: f.line.currency_code, portal_url: `${storefrontUrl()}/merchant?order=${f.order.id}` },
    })
  }
  return new StepResponse(batch)
})

export const notifyBookingCancelledWorkflow = notificationWorkflow("notify-booking-cancelled", buildBookingCancelledStep)
