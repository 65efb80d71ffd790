import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyRefundIssuedWorkflow } from "../workflows/notifications/builders/refund-issued"

export default async function notifyLineRefunded({ event, container }: SubscriberArgs<{ id: string; amount_minor: number; refund_id?: string | null }>) {
  await notifyRefundIssuedWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_REFUNDED }
