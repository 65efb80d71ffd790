import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyMerchantAppliedWorkflow } from "../workflows/notifications/builders/merchant-applied"

export default async function notifyMerchantApplied({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyMerchantAppliedWorkflow(container).run({ input: { id: event.data.id } })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.MERCHANT_APPLIED }
