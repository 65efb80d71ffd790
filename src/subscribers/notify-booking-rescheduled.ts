import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyBookingRescheduledWorkflow } from "../workflows/notifications/builders/booking-rescheduled"

type Moved = { id: string; previous_id: string; line_item_id: string; merchant_id?: string | null; from_start_at: string; start_at: string }

export default async function notifyBookingRescheduled({ event, container }: SubscriberArgs<Moved>) {
  await notifyBookingRescheduledWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.BOOKING_RESCHEDULED }
