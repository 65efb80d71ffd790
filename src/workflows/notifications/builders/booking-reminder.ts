import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderLinkUrl } from "../../../lib/orders/order-link"
import { BOOKING_MODULE } from "../../../modules/booking"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { merchantRecipients, orderFacts, buyerOf } from "./shared"

/** The reminder of one booking; its event id is the booking's, so however often the job sees it, it is sent once. */
export const buildBookingReminderStep = createStep("build-booking-reminder-notification", async (input: { booking_id: string }, { container }) => {
  const batch: Batch = { event_name: "booking.reminder", event_id: `booking.reminder:${input.booking_id}`, messages: [] }
  const [booking] = await (container.resolve(BOOKING_MODULE) as any).listBookings({ id: input.booking_id })
  if (!booking?.order_id || booking.status !== "BOOKED") return new StepResponse(batch)
  const order = await orderFacts(container, booking.order_id)
  if (!order) return new StepResponse(batch)
  const merchant = booking.merchant_id ? await merchantRecipients(container, booking.merchant_id) : null
  const item = order.items.find((i) => i.id === booking.line_item_id)
  batch.messages.push({
    type: "BOOKING_REMINDER", template: "booking-reminder", recipients: [buyerOf(order)],
    data: { title: item?.title ?? "", merchant_name: merchant?.name ?? "", start_at: new Date(booking.start_at).toISOString(),
      timezone: booking.timezone, order_url: orderLinkUrl(order.id) },
  })
  return new StepResponse(batch)
})

export const notifyBookingReminderWorkflow = notificationWorkflow("notify-booking-reminder", buildBookingReminderStep)
