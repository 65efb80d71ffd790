/**
 * Every event our workflows emit, in one place with its payload (DESIGN.md §8). Subscribers
 * (notifications, search, fiscal receipts, …) listen to these names; a name keeps its meaning.
 */
export const SNAIL_EVENTS = {
  /** `{ id }` — a merchant application was filed (PENDING). */
  MERCHANT_APPLIED: "marketplace.merchant.applied",
  /** `{ id, kyc_status, reason, actor_id }` — approved (or reinstated). */
  MERCHANT_APPROVED: "marketplace.merchant.approved",
  /** `{ id, kyc_status, reason, actor_id }` */
  MERCHANT_REJECTED: "marketplace.merchant.rejected",
  /** `{ id, kyc_status, reason, actor_id }` */
  MERCHANT_SUSPENDED: "marketplace.merchant.suspended",
  /** `{ id, merchant_id, email, token }` — the token is only in the event, for the invite e-mail. */
  MERCHANT_INVITE_CREATED: "marketplace.merchant_invite.created",
  /** `{ id, order_id, line_item_id, kind, merchant_id, from, to, transition, effects, actor_type, actor_id }` */
  ORDER_LINE_TRANSITIONED: "order.line.transitioned",
  /** `{ id, amount_minor, refund_id, reason, actor_type }` — refund_id names the refund (its history row). */
  ORDER_LINE_REFUNDED: "order.line.refunded",
  /** `{ id, order_id, operation, settlement, status: "DONE", last_error: null }` — a fiscal receipt was registered (FN/FD/FPD stored). */
  FISCAL_RECEIPT_DONE: "fiscal.receipt.done",
  /** `{ id, order_id, operation, settlement, status: "FAILED", last_error }` — needs an operator (admin Receipts page, Retry). */
  FISCAL_RECEIPT_FAILED: "fiscal.receipt.failed",
} as const
