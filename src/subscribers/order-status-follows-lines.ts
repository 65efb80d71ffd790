import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { orderStatusFollowsLinesWorkflow } from "../workflows/order-lines/order-status-follows-lines"

// A line moved or was refunded in full: once every line of its order has ended, Medusa's order is completed or canceled.
export default async function orderStatusFollowsLines({ event, container }: SubscriberArgs<{ id: string; order_id?: string }>) {
  if (!event.data.order_id) return
  await orderStatusFollowsLinesWorkflow(container).run({ input: { order_id: event.data.order_id } })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_TRANSITIONED }
