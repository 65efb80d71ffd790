import { sdk } from "./sdk"

// The notification delivery log, Resend and template previews (docs/notifications.md).

export type Delivery = {
  id: string
  event_name: string
  event_id: string
  notification_type: string
  channel: "email" | "telegram"
  recipient: string
  template: string
  locale: "en" | "ru" | "ar"
  subject: string | null
  status: "PENDING" | "SENT" | "RETRYING" | "FAILED" | "SKIPPED"
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  sent_at: string | null
  created_at: string
}

export type Attempt = { id: string; attempt: number; status: "SENT" | "FAILED"; error: string | null; provider_response: unknown; permanent: boolean; created_at: string }

export const STATUS_WORDS: Record<Delivery["status"], string> = {
  PENDING: "Queued", SENT: "Sent", RETRYING: "Will retry", FAILED: "Failed", SKIPPED: "Not sent (channel not set up)",
}
export const STATUS_COLOR: Record<Delivery["status"], "green" | "red" | "orange" | "blue" | "grey"> = {
  SENT: "green", FAILED: "red", RETRYING: "orange", PENDING: "blue", SKIPPED: "grey",
}
export const CHANNEL_WORDS: Record<Delivery["channel"], string> = { email: "Email", telegram: "Telegram" }
export const LOCALE_WORDS: Record<Delivery["locale"], string> = { en: "English", ru: "Russian", ar: "Arabic" }
export const TYPE_WORDS: Record<string, string> = {
  ORDER_PLACED: "Order placed (buyer)", LINE_SHIPPED: "Item shipped (buyer)", BOOKING_CONFIRMED: "Booking confirmed (buyer)",
  BOOKING_CANCELLED: "Booking cancelled (buyer)", COURSE_ACCESS_GRANTED: "Course access (buyer)", REFUND_ISSUED: "Refund issued (buyer)",
  PASSWORD_RESET: "Password reset", MERCHANT_NEW_ORDER_LINES: "New order lines (merchant)", MERCHANT_NEW_BOOKING: "New booking (merchant)",
  MERCHANT_DISPUTE_OPENED: "Dispute opened (merchant)", ADMIN_MERCHANT_APPLIED: "New merchant application (admin)",
  EMAIL_VERIFICATION: "E-mail verification", BOOKING_REMINDER: "Booking reminder (buyer)", MERCHANT_STATUS_CHANGED: "Shop review outcome (merchant)",
  MERCHANT_STAFF_INVITE: "Staff invite", MERCHANT_PAYOUT: "Payout sent or failed (merchant)",
  LINE_DELIVERED: "Item delivered (buyer)", BOOKING_RESCHEDULED: "Booking moved (buyer)", RETURN_ACCEPTED: "Return accepted (buyer)",
  DISPUTE_UPDATED: "Dispute reply or outcome (buyer)", PAYMENT_FAILED: "Payment failed (buyer)", FISCAL_RECEIPT: "Fiscal receipt (buyer)",
  TAX_DOCUMENT: "Tax invoice / credit note (buyer)", MERCHANT_BOOKING_CANCELLED: "Booking cancelled by the client (merchant)",
  MERCHANT_DISPUTE_REPLIED: "Buyer replied in a dispute (merchant)", ADMIN_RECONCILIATION_MISMATCH: "Reconciliation differences (admin)",
  ADMIN_FISCAL_RECEIPT_FAILED: "Fiscal receipt failed (admin)",
}

export const notificationKeys = {
  list: (params: Record<string, unknown>) => ["snail-notifications", "list", params],
  one: (id: string) => ["snail-notifications", "one", id],
  templates: ["snail-notifications", "templates"],
  preview: (name: string, locale: string) => ["snail-notifications", "preview", name, locale],
  all: ["snail-notifications"],
}

export const listDeliveries = (query: Record<string, string | number | undefined>) =>
  sdk.client.fetch<{ deliveries: Delivery[]; count: number }>("/admin/notifications/deliveries", {
    query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "" && v !== undefined)),
  })

export const getDelivery = (id: string) =>
  sdk.client.fetch<{ delivery: Delivery & { html: string | null; text: string | null }; attempts: Attempt[] }>(`/admin/notifications/deliveries/${encodeURIComponent(id)}`)

export const resendDelivery = (id: string) =>
  sdk.client.fetch<{ delivery: Delivery }>(`/admin/notifications/deliveries/${encodeURIComponent(id)}/resend`, { method: "POST", body: {} })

export const listTemplates = () =>
  sdk.client.fetch<{ templates: { name: string; notification_type: string; transactional: boolean }[] }>("/admin/notifications/templates")

export const previewTemplate = (name: string, locale: string) =>
  sdk.client.fetch<{ subject: string; html: string; text: string; attachments: { filename: string }[] }>(
    `/admin/notifications/templates/${encodeURIComponent(name)}/preview`, { query: { locale } })

/** The signed-in admin's own choices (GET|POST /admin/users/me/notification-preferences). */
export type MyPreference = { notification_type: string; channel: "email" | "telegram"; transactional: boolean; enabled: boolean }
export const myPreferencesKey = ["snail-notifications", "mine"]
export const myPreferences = () =>
  sdk.client.fetch<{ telegram_linked: boolean; preferences: MyPreference[] }>("/admin/users/me/notification-preferences")
export const setMyPreference = (p: { notification_type: string; channel: string; enabled: boolean }) =>
  sdk.client.fetch<{ telegram_linked: boolean; preferences: MyPreference[] }>("/admin/users/me/notification-preferences", { method: "POST", body: { preferences: [p] } })
