import type { AuditInput } from "../../modules/audit/service"
import { SNAIL_EVENTS } from "../events"

/**
 * How a money or line event becomes an audit row: the state (or amount) before → after, by whom.
 * The HTTP request that caused it has its own row (IP, request id) from the audit middleware.
 */
export function auditEntryForEvent(name: string, d: any): AuditInput | null {
  switch (name) {
    case SNAIL_EVENTS.ORDER_LINE_TRANSITIONED:
      return {
        actor_type: d.actor_type ?? "system", actor_id: d.actor_id ?? null, action: "order_line.transition",
        target_type: "order_line", target_id: d.id,
        before: { state: d.from }, after: { state: d.to, transition: d.transition, effects: d.effects ?? null, order_id: d.order_id, merchant_id: d.merchant_id },
        event_key: `${name}:${d.id}:${d.from}:${d.to}`,
      }
    case SNAIL_EVENTS.ORDER_LINE_REFUNDED:
      return {
        actor_type: d.actor_type ?? "system", action: "order_line.refund", target_type: "order_line", target_id: d.id,
        after: { amount_minor: d.amount_minor, refund_id: d.refund_id, reason: d.reason ?? null },
        event_key: `${name}:${d.refund_id ?? d.id}`,
      }
    case SNAIL_EVENTS.PAYOUT_PAID:
    case SNAIL_EVENTS.PAYOUT_FAILED:
      return {
        actor_type: "system", action: name === SNAIL_EVENTS.PAYOUT_PAID ? "payout.paid" : "payout.failed", target_type: "payout", target_id: d.id,
        before: { status: "PENDING" }, after: { status: name === SNAIL_EVENTS.PAYOUT_PAID ? "PAID" : "FAILED", merchant_id: d.merchant_id, amount_minor: d.amount_minor, currency_code: d.currency_code, reason: d.reason ?? null },
        event_key: `${name}:${d.id}`,
      }
    default:
      return null
  }
}

export const AUDITED_EVENTS = [
  SNAIL_EVENTS.ORDER_LINE_TRANSITIONED, SNAIL_EVENTS.ORDER_LINE_REFUNDED, SNAIL_EVENTS.PAYOUT_PAID, SNAIL_EVENTS.PAYOUT_FAILED,
]
