/**
 * Every notification the platform sends. `transactional` ones (receipts, order and booking
 * facts, security) cannot be switched off; the others can, per person and channel, and their
 * emails carry a link to the settings.
 */
export const NOTIFICATION_TYPES = {
  ORDER_PLACED: { audience: "buyer", transactional: true },
  LINE_SHIPPED: { audience: "buyer", transactional: true },
  BOOKING_CONFIRMED: { audience: "buyer", transactional: true },
  BOOKING_CANCELLED: { audience: "buyer", transactional: true },
  COURSE_ACCESS_GRANTED: { audience: "buyer", transactional: true },
  REFUND_ISSUED: { audience: "buyer", transactional: true },
  PASSWORD_RESET: { audience: "any", transactional: true },
  EMAIL_VERIFICATION: { audience: "any", transactional: true },
  MERCHANT_NEW_ORDER_LINES: { audience: "merchant", transactional: false },
  MERCHANT_NEW_BOOKING: { audience: "merchant", transactional: false },
  MERCHANT_DISPUTE_OPENED: { audience: "merchant", transactional: true },
  ADMIN_MERCHANT_APPLIED: { audience: "admin", transactional: false },
  BOOKING_REMINDER: { audience: "buyer", transactional: false },
  MERCHANT_STATUS_CHANGED: { audience: "merchant", transactional: true },
  MERCHANT_STAFF_INVITE: { audience: "any", transactional: true },
  MERCHANT_PAYOUT: { audience: "merchant", transactional: true },
  // Issue 19, the remaining kinds: facts about the buyer's own order, money and documents are
  // transactional; heads-ups to merchants and platform staff can be switched off.
  LINE_DELIVERED: { audience: "buyer", transactional: true },
  BOOKING_RESCHEDULED: { audience: "buyer", transactional: true },
  RETURN_ACCEPTED: { audience: "buyer", transactional: true },
  DISPUTE_UPDATED: { audience: "buyer", transactional: true },
  PAYMENT_FAILED: { audience: "buyer", transactional: true },
  FISCAL_RECEIPT: { audience: "buyer", transactional: true },
  TAX_DOCUMENT: { audience: "buyer", transactional: true },
  MERCHANT_BOOKING_CANCELLED: { audience: "merchant", transactional: false },
  // Like an opened dispute: the answer has a deadline, so it cannot be switched off.
  MERCHANT_DISPUTE_REPLIED: { audience: "merchant", transactional: true },
  ADMIN_RECONCILIATION_MISMATCH: { audience: "admin", transactional: false },
  ADMIN_FISCAL_RECEIPT_FAILED: { audience: "admin", transactional: false },
} as const

export type NotificationType = keyof typeof NOTIFICATION_TYPES
export const CHANNELS = ["email", "telegram"] as const
export type Channel = (typeof CHANNELS)[number]
export type PersonType = "customer" | "merchant_user" | "user"
export const LOCALES = ["en", "ru", "ar"] as const
export type Locale = (typeof LOCALES)[number]

export function isNotificationType(value: string): value is NotificationType {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_TYPES, value)
}

export function isTransactional(type: string): boolean {
  return isNotificationType(type) ? NOTIFICATION_TYPES[type].transactional : true
}

export type DeliveryContent = {
  html?: string
  text: string
  attachments?: { filename: string; content_type: string; content: string }[]
}

/** How a message carrying a one-time secret is re-issued (a new secret) instead of replayed. */
export type Reissue =
  | { kind: "password_reset"; actor_type: string; email: string }
  | { kind: "staff_invite"; invite_id: string }
  | { kind: "email_verification"; actor_type: string; email: string }
