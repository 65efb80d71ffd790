import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyPaymentFailedWorkflow } from "../workflows/notifications/builders/payment-failed"

type Failed = { id: string; order_id: string; line_id: string | null; amount_minor: number; currency_code: string }

export default async function notifyPaymentFailed({ event, container }: SubscriberArgs<Failed>) {
  await notifyPaymentFailedWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.PAYMENT_FAILED }
