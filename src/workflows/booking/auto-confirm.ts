import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "../order-lines/transition-order-line"
import { bookingOfLineItem } from "./line-booking"

/**
 * Paid service lines whose schedule auto-confirms are confirmed by the system (capture runs as
 * the confirm effect). Lines of schedules without auto-confirm wait for merchant staff. A failed
 * capture leaves the line PAID for the merchant to retry; it never fails the order.
 */
export async function autoConfirmBookings(container: MedusaContainer, orderId: string) {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const paid = await lines.listOrderLines({ order_id: orderId, kind: "SERVICE", state: "PAID" } as any)
  const confirmed: string[] = []
  const failed: { id: string; error: string }[] = []
  for (const line of paid) {
    const booked = await bookingOfLineItem(container, line.line_item_id)
    if (!booked?.schedule?.auto_confirm) continue
    try {
      await transitionOrderLineWorkflow(container).run({
        input: { line_id: line.id, to: "CONFIRMED", actor_type: "system", reason: "schedule auto-confirms bookings" },
      })
      confirmed.push(line.id)
    } catch (e: any) {
      failed.push({ id: line.id, error: e?.message ?? String(e) })
    }
  }
  return { confirmed, failed }
}
