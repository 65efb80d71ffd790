import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { ORDER_LINES_MODULE } from "../modules/order-lines"
import type { Trigger } from "../lib/fiscal/plan"
import { dispatchFiscalReceipts } from "../workflows/fiscal/dispatch"
import { issueFiscalReceiptsWorkflow } from "../workflows/fiscal/issue-receipts"
import { REFUNDED_IN_FULL } from "../workflows/course-access/close-refunded-course-line"

type Payload = { id: string; order_id?: string; to?: string; transition?: string; amount_minor?: number; refund_id?: string | null }

/**
 * Fiscal outbox writer: order placed (prepayments), line transitions (settlements, cancellations)
 * and line refunds become receipts in the outbox, then a first send is tried right away. A
 * redelivered event finds its receipts by key and adds nothing; the job retries what failed.
 */
export default async function fiscalReceipts({ event, container }: SubscriberArgs<Payload>) {
  const trigger = await toTrigger(event.name, event.data, container)
  if (!trigger) return
  const { result: ids } = await issueFiscalReceiptsWorkflow(container).run({ input: { order_id: trigger.order_id, trigger: trigger.trigger } })
  if (ids.length) await dispatchFiscalReceipts(container, { ids })
}

async function toTrigger(name: string, data: Payload, container: any): Promise<{ order_id: string; trigger: Trigger } | null> {
  if (name === "order.placed") return { order_id: data.id, trigger: { type: "placed" } }
  // The system's REFUNDED move after a full refund moves no money: that refund's own event
  // (order.line.refunded) already calls for its receipt; a second trigger could race it into two.
  if (name === SNAIL_EVENTS.ORDER_LINE_TRANSITIONED && data.transition === REFUNDED_IN_FULL) return null
  if (name === SNAIL_EVENTS.ORDER_LINE_TRANSITIONED && data.order_id && data.to) {
    return { order_id: data.order_id, trigger: { type: "transitioned", line_id: data.id, to: data.to } }
  }
  if (name === SNAIL_EVENTS.ORDER_LINE_REFUNDED && data.amount_minor) {
    const [line] = await container.resolve(ORDER_LINES_MODULE).listOrderLines({ id: data.id }, { select: ["id", "order_id"] })
    if (!line) return null
    return { order_id: line.order_id, trigger: { type: "refunded", line_id: data.id, amount_minor: data.amount_minor, refund_id: data.refund_id ?? null } }
  }
  return null
}

export const config: SubscriberConfig = {
  event: ["order.placed", SNAIL_EVENTS.ORDER_LINE_TRANSITIONED, SNAIL_EVENTS.ORDER_LINE_REFUNDED],
}
