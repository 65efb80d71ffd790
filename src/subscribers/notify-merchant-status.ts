import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyMerchantStatusWorkflow } from "../workflows/notifications/builders/merchant-status"

const OUTCOME = {
  [SNAIL_EVENTS.MERCHANT_APPROVED]: "APPROVED",
  [SNAIL_EVENTS.MERCHANT_REJECTED]: "REJECTED",
  [SNAIL_EVENTS.MERCHANT_SUSPENDED]: "SUSPENDED",
} as const

export default async function notifyMerchantStatus({ event, container }: SubscriberArgs<{ id: string; reason?: string | null }>) {
  const outcome = OUTCOME[event.name as keyof typeof OUTCOME]
  await notifyMerchantStatusWorkflow(container).run({ input: { id: event.data.id, outcome, reason: event.data.reason ?? null, event_name: event.name } })
}

export const config: SubscriberConfig = { event: Object.keys(OUTCOME) }
