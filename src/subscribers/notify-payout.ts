import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyMerchantPayoutWorkflow } from "../workflows/notifications/builders/merchant-payout"

type Payout = { id: string; merchant_id: string; amount_minor: number; currency_code: string; reason?: string | null }

export default async function notifyPayout({ event, container }: SubscriberArgs<Payout>) {
  const outcome = event.name === SNAIL_EVENTS.PAYOUT_PAID ? "PAID" : "FAILED"
  await notifyMerchantPayoutWorkflow(container).run({ input: { ...event.data, outcome } })
}

export const config: SubscriberConfig = { event: [SNAIL_EVENTS.PAYOUT_PAID, SNAIL_EVENTS.PAYOUT_FAILED] }
