import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyDisputeOpenedWorkflow } from "../workflows/notifications/builders/dispute-opened"

export default async function notifyDisputeOpened({ event, container }: SubscriberArgs<{ id: string; order_line_id: string; merchant_id: string | null; reason: string }>) {
  await notifyDisputeOpenedWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.DISPUTE_OPENED }
