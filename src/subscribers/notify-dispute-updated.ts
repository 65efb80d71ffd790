import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyDisputeMessageWorkflow, notifyDisputeResolvedWorkflow } from "../workflows/notifications/builders/dispute-updated"

// A reply goes to the other side of the dispute; a resolution to the buyer.
export default async function notifyDisputeUpdated({ event, container }: SubscriberArgs<Record<string, any>>) {
  if (event.name === SNAIL_EVENTS.DISPUTE_RESOLVED) {
    await notifyDisputeResolvedWorkflow(container).run({ input: { id: event.data.id, refund_minor: event.data.refund_minor } })
  } else {
    await notifyDisputeMessageWorkflow(container).run({ input: { id: event.data.id, dispute_id: event.data.dispute_id, author_type: event.data.author_type } })
  }
}

export const config: SubscriberConfig = { event: [SNAIL_EVENTS.DISPUTE_MESSAGE_ADDED, SNAIL_EVENTS.DISPUTE_RESOLVED] }
