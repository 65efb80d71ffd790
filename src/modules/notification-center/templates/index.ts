import { isTransactional, type Locale, LOCALES } from "../types"
import adminFiscalReceiptFailed from "./admin-fiscal-receipt-failed"
import adminMerchantApplied from "./admin-merchant-applied"
import adminReconciliationMismatch from "./admin-reconciliation-mismatch"
import bookingCancelled from "./booking-cancelled"
import bookingConfirmed from "./booking-confirmed"
import bookingReminder from "./booking-reminder"
import bookingRescheduled from "./booking-rescheduled"
import courseAccessGranted from "./course-access-granted"
import type { Attachment, Template } from "./define"
import disputeReply from "./dispute-reply"
import disputeResolved from "./dispute-resolved"
import emailVerification from "./email-verification"
import fiscalReceipt from "./fiscal-receipt"
import { formatter } from "./format"
import { renderEmail, renderText } from "./layout"
import lineDelivered from "./line-delivered"
import lineShipped from "./line-shipped"
import merchantBookingCancelled from "./merchant-booking-cancelled"
import merchantDisputeOpened from "./merchant-dispute-opened"
import merchantDisputeReplied from "./merchant-dispute-replied"
import merchantNewBooking from "./merchant-new-booking"
import merchantNewOrderLines from "./merchant-new-order-lines"
import merchantPayout from "./merchant-payout"
import merchantStaffInvite from "./merchant-staff-invite"
import merchantStatus from "./merchant-status"
import orderPlaced from "./order-placed"
import passwordReset from "./password-reset"
import paymentFailed from "./payment-failed"
import refundIssued from "./refund-issued"
import returnAccepted from "./return-accepted"
import taxInvoice from "./tax-invoice"

export const TEMPLATES: Record<string, Template<any>> = Object.fromEntries(
  [orderPlaced, lineShipped, bookingConfirmed, bookingCancelled, courseAccessGranted, refundIssued, passwordReset,
    merchantNewOrderLines, merchantNewBooking, merchantDisputeOpened, adminMerchantApplied, bookingReminder, merchantStatus, merchantStaffInvite, merchantPayout, emailVerification,
    lineDelivered, bookingRescheduled, returnAccepted, disputeReply, disputeResolved, paymentFailed, fiscalReceipt, taxInvoice,
    merchantBookingCancelled, merchantDisputeReplied, adminReconciliationMismatch, adminFiscalReceiptFailed].map((t) => [t.name, t])
)

export type Rendered = { subject: string; html: string; text: string; attachments: Attachment[] }

export function normalizeLocale(value: unknown): Locale {
  const v = String(value ?? "").toLowerCase().slice(0, 2)
  return (LOCALES as readonly string[]).includes(v) ? (v as Locale) : "en"
}

/** Renders a template in a locale: subject, MJML → HTML, the plain-text part, attachments. */
export async function renderTemplate(name: string, locale: Locale, data: unknown, opts: { settingsUrl?: string } = {}): Promise<Rendered> {
  const template = TEMPLATES[name]
  if (!template) throw new Error(`Unknown notification template "${name}"`)
  const built = template.build(data, formatter(locale))
  const settingsUrl = isTransactional(template.type) ? undefined : opts.settingsUrl
  const view = { locale, subject: built.subject, blocks: built.blocks, settingsUrl }
  return { subject: built.subject, html: await renderEmail(view), text: renderText(view), attachments: built.attachments ?? [] }
}
