import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderPlacedWorkflow } from "../workflows/notifications/builders/order-placed"

// Buyer confirmation (with the signed order link) and each merchant's new lines; a redelivery sends nothing twice.
export default async function notifyOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyOrderPlacedWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
