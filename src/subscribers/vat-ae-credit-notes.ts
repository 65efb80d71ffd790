import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { issueCreditNoteWorkflow } from "../workflows/vat-ae/issue-credit-note"

// A refunded line of an invoiced supply gets a tax credit note referencing the invoice.
export default async function issueVatCreditNote({ event, container }: SubscriberArgs<{ id: string; reason?: string | null }>) {
  await issueCreditNoteWorkflow(container).run({ input: { order_line_id: event.data.id, reason: event.data.reason ?? null } })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_REFUNDED }
