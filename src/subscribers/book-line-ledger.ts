import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { faultPoint } from "../lib/faults/fault-points"
import { syncLineLedgerWorkflow } from "../workflows/marketplace-money/sync-line-ledger"

// A line moved or was refunded: book its captures/refunds and start its escrow hold when due.
export default async function bookLineLedger({ event, container }: SubscriberArgs<{ id: string; order_id?: string }>) {
  faultPoint("ledger:before-booking")
  await syncLineLedgerWorkflow(container).run({ input: { order_line_id: event.data.id, order_id: event.data.order_id } })
}

export const config: SubscriberConfig = { event: [SNAIL_EVENTS.ORDER_LINE_TRANSITIONED, SNAIL_EVENTS.ORDER_LINE_REFUNDED] }
