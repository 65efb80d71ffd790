import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyFiscalReceiptFailedWorkflow, notifyFiscalReceiptWorkflow } from "../workflows/notifications/builders/fiscal-receipt"

// Registered: the buyer gets the OFD link; failed for good: platform staff are told.
export default async function notifyFiscalReceipt({ event, container }: SubscriberArgs<{ id: string }>) {
  const workflow = event.name === SNAIL_EVENTS.FISCAL_RECEIPT_DONE ? notifyFiscalReceiptWorkflow : notifyFiscalReceiptFailedWorkflow
  await workflow(container).run({ input: { id: event.data.id } })
}

export const config: SubscriberConfig = { event: [SNAIL_EVENTS.FISCAL_RECEIPT_DONE, SNAIL_EVENTS.FISCAL_RECEIPT_FAILED] }
