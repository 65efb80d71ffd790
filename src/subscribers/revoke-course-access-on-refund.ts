import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { toMinor } from "../lib/money"
import { ORDER_LINES_MODULE } from "../modules/order-lines"
import type OrderLinesModuleService from "../modules/order-lines/service"
import { revokeCourseGrantWorkflow } from "../workflows/course-access/revoke-course-grant"

/**
 * A course line whose captured money was refunded in full (merchant/operator refund outside the
 * REFUNDED move) loses its access. A partial goodwill refund keeps it.
 */
export default async function revokeCourseAccessOnRefund({ event, container }: SubscriberArgs<{ id: string; reason?: string }>) {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: event.data.id })
  if (!line || line.kind !== "COURSE") return
  const captured = toMinor(line.captured_amount ?? 0, line.currency_code)
  const refunded = toMinor(line.refunded_amount ?? 0, line.currency_code)
  if (captured <= 0 || refunded < captured) return
  await revokeCourseGrantWorkflow(container).run({
    input: { line_id: line.id, reason: `refunded: ${event.data.reason ?? "line refunded"}`, actor_type: "system" },
  })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_REFUNDED }
