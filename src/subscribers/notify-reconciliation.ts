import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyReconciliationMismatchWorkflow } from "../workflows/notifications/builders/reconciliation"

// Platform staff hear of a reconciliation only when it found differences.
export default async function notifyReconciliation({ event, container }: SubscriberArgs<{ run_date: string; mismatches: number }>) {
  if (Number(event.data.mismatches) > 0) await notifyReconciliationMismatchWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.RECONCILIATION_COMPLETED }
