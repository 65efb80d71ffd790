import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { closeRefundedCourseLineWorkflow } from "../workflows/course-access/close-refunded-course-line"

/**
 * A course line whose captured money was refunded in full outside the REFUNDED move ends REFUNDED
 * with its access revoked. The refund workflow already does it in its request; this covers refunds
 * the recovery routine settles later (recover-payment-operations emits the same event), and is a
 * no-op for a line already closed. A partial goodwill refund keeps access.
 */
export default async function revokeCourseAccessOnRefund({ event, container }: SubscriberArgs<{ id: string; reason?: string }>) {
  await closeRefundedCourseLineWorkflow(container).run({ input: { line_id: event.data.id, reason: event.data.reason ?? null } })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_REFUNDED }
