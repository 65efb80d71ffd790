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
  /** `{ id, amount_minor, reason, actor_type }` */
  ORDER_LINE_REFUNDED: "order.line.refunded",
  // Service booking (issue 6, docs/booking.md)
  /** `{ id, previous_id, order_id, line_item_id, merchant_id, from_start_at, start_at, actor_id }` — the booking moved to another slot (new id). */
  BOOKING_RESCHEDULED: "booking.rescheduled",
} as const
