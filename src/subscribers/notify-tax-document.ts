import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyTaxDocumentWorkflow } from "../workflows/notifications/builders/tax-document"

// A UAE tax invoice or credit note was issued: the buyer gets it with its PDF.
export default async function notifyTaxDocument({ event, container }: SubscriberArgs<{ id: string }>) {
  const document = event.name === SNAIL_EVENTS.CREDIT_NOTE_ISSUED ? "CREDIT_NOTE" : "INVOICE"
  await notifyTaxDocumentWorkflow(container).run({ input: { id: event.data.id, document } })
}

export const config: SubscriberConfig = { event: [SNAIL_EVENTS.TAX_INVOICE_ISSUED, SNAIL_EVENTS.CREDIT_NOTE_ISSUED] }
