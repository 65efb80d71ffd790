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
  /** `{ id, actor_id, changed: ("inn" | "trn" | "legal_name" | "legal_address")[] }` — the owner or finance changed the legal profile. */
  MERCHANT_LEGAL_UPDATED: "marketplace.merchant.legal_updated",
  /** `{ id, actor_id, type }` — the owner or finance set the payout method (never the account itself in the event). */
  MERCHANT_PAYOUT_METHOD_UPDATED: "marketplace.merchant.payout_method_updated",
  /** `{ id, merchant_id, email, token }` — the token is only in the event, for the invite e-mail. */
  MERCHANT_INVITE_CREATED: "marketplace.merchant_invite.created",
  /** `{ id, order_id, line_item_id, kind, merchant_id, from, to, transition, effects, actor_type, actor_id }` */
  ORDER_LINE_TRANSITIONED: "order.line.transitioned",
  /** `{ id, amount_minor, refund_id, reason, actor_type }` — refund_id names the refund (its history row). */
  ORDER_LINE_REFUNDED: "order.line.refunded",
  /** `{ order_id, split_ids }` — the per-merchant splits written at order placement (empty when it had them already). */
  ORDER_SPLITS_CREATED: "marketplace.order_splits.created",
  /** `{ id, merchant_id, amount_minor, currency_code, reason }` — a payout was confirmed paid. */
  PAYOUT_PAID: "marketplace.payout.paid",
  /** `{ id, merchant_id, amount_minor, currency_code, reason }` — a payout failed; its money is available again. */
  PAYOUT_FAILED: "marketplace.payout.failed",
  /** `{ id, order_id, order_line_id, merchant_id, customer_id, reason }` */
  DISPUTE_OPENED: "marketplace.dispute.opened",
  /** `{ id, dispute_id, author_type, author_id }` */
  DISPUTE_MESSAGE_ADDED: "marketplace.dispute.message_added",
  /** `{ id, outcome: "RESOLVED_REFUND" | "REJECTED", refund_minor, resolved_by }` */
  DISPUTE_RESOLVED: "marketplace.dispute.resolved",
  /** `{ id, order_id, line_id, kind: "capture", amount_minor, currency_code }` — the PSP refused a capture for good (its operation settled FAILED: nothing moved). */
  PAYMENT_FAILED: "order.line.payment_failed",
  /** `{ run_date, mismatches }` — the daily reconciliation finished. */
  RECONCILIATION_COMPLETED: "marketplace.reconciliation.completed",
  // course access (docs/course-access.md)
  /** `{ id, reason, actor_type, actor_id }` — a course grant was revoked outside a line move (operator, full refund, chargeback). */
  COURSE_ACCESS_REVOKED: "course.access.revoked",
  /** `{ id, order_id, operation, settlement, status: "DONE", last_error: null }` — a fiscal receipt was registered (FN/FD/FPD stored). */
  FISCAL_RECEIPT_DONE: "fiscal.receipt.done",
  /** `{ id, order_id, operation, settlement, status: "FAILED", last_error }` — needs an operator (admin Receipts page, Retry). */
  FISCAL_RECEIPT_FAILED: "fiscal.receipt.failed",
  // UAE VAT documents (issue 17, docs/vat-ae.md)
  /** `{ id, order_id }` — a tax invoice was issued (also on a re-run that finds it issued: consumers are idempotent). */
  TAX_INVOICE_ISSUED: "vat_ae.tax_invoice.issued",
  /** `{ id }` — a tax credit note was issued for a refund (only when one was issued now). */
  CREDIT_NOTE_ISSUED: "vat_ae.credit_note.issued",
  // Service booking (issue 6, docs/booking.md)
  /** `{ id, previous_id, order_id, line_item_id, merchant_id, from_start_at, start_at, actor_id }` — the booking moved to another slot (new id). */
  BOOKING_RESCHEDULED: "booking.rescheduled",
  // Sessions and e-mail verification (issue 20, docs/security.md)
  /** `{ actor_type, email, token }` — a customer or merchant asked to verify their e-mail; the token is only in the event, for the e-mail (single use, EMAIL_VERIFICATION_TTL, default 24 h). Confirm with POST /auth/verify-email { token }. */
  EMAIL_VERIFICATION_REQUESTED: "auth.email_verification_requested",
  /** `{ actor_type, email, auth_identity_id }` — the address was confirmed. */
  EMAIL_VERIFIED: "auth.email_verified",
  /** `{ session_ids, auth_identity_id, actor_type, reason }` — sessions were revoked (REFRESH_TOKEN_REUSED is worth a security e-mail). */
  SESSIONS_REVOKED: "auth.sessions_revoked",
} as const
