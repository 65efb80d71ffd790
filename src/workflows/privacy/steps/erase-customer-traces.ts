import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { NOTIFICATION_CENTER_MODULE } from "../../../modules/notification-center"

export type PersonalStrings = { customer_id: string; email: string | null; phone: string | null; first_name: string | null; last_name: string | null }

export const erasedEmail = (customerId: string) => `erased+${customerId}@erased.invalid`
const ERASED = "[erased]"
const ADDRESS_FIELDS = ["first_name", "last_name", "phone", "company", "address_1", "address_2", "city", "postal_code", "province"] as const

/** Replaces the person's strings (case-insensitive, whole words) in free text, e.g. a dispute message. */
export function scrub(text: string | null | undefined, p: PersonalStrings): string | null | undefined {
  if (!text) return text
  let out = text
  for (const needle of [p.email, p.phone, p.first_name, p.last_name]) {
    if (!needle || needle.trim().length < 2) continue
    // Whole words only (any script): a short name must not eat the middle of other words.
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), ERASED)
  }
  return out
}

/**
 * The customer's personal data in our modules' rows and Medusa's carts (GDPR art. 17), where the rows
 * themselves stay because they are the platform's or the merchant's records:
 * - course grants keep the access record, without the e-mail and name the watermark printed; devices that
 *   opened the course and refused requests lose their identifiers;
 * - dispute messages (theirs and the replies) lose the person's e-mail, phone and names;
 * - notifications sent to them lose the address/chat and the message text; their settings and Telegram
 *   link are deleted;
 * - carts lose e-mail and addresses.
 * Bookings hold no personal data of their own (customer id only; the contact is the order's). Orders,
 * ledgers, fiscal receipts and tax invoices are not touched: the law keeps them. Everything changed is
 * kept for the compensation.
 */
export const eraseCustomerTracesStep = createStep(
  "erase-customer-traces",
  async (p: PersonalStrings, { container }) => {
    const courses: any = container.resolve(COURSE_ACCESS_MODULE)
    const marketplace: any = container.resolve(MARKETPLACE_MODULE)
    const center: any = container.resolve(NOTIFICATION_CENTER_MODULE)
    const carts: any = container.resolve(Modules.CART)
    const person = { person_type: "customer", person_id: p.customer_id }

    const grants = await courses.listCourseGrants({ customer_id: p.customer_id })
    if (grants.length) await courses.updateCourseGrants(grants.map((g: any) => ({ id: g.id, buyer_email: erasedEmail(p.customer_id), buyer_name: null })))
    const devices = grants.length ? await courses.listCourseSessions({ grant_id: grants.map((g: any) => g.id) }) : []
    if (devices.length) await courses.deleteCourseSessions(devices.map((d: any) => d.id))
    const attempts = await courses.listAccessAttempts({ customer_id: p.customer_id })
    if (attempts.length) await courses.updateAccessAttempts(attempts.map((a: any) => ({ id: a.id, ip: null, user_agent: null })))

    const disputes = await marketplace.listDisputes({ customer_id: p.customer_id }, { relations: ["messages"] })
    const messages = disputes.flatMap((d: any) => d.messages ?? []).filter((m: any) => scrub(m.body, p) !== m.body)
    if (messages.length) await marketplace.updateDisputeMessages(messages.map((m: any) => ({ id: m.id, body: scrub(m.body, p) })))
    const notes = disputes.filter((d: any) => scrub(d.resolution_note, p) !== d.resolution_note)
    if (notes.length) await marketplace.updateDisputes(notes.map((d: any) => ({ id: d.id, resolution_note: scrub(d.resolution_note, p) })))

    const byPerson = await center.listNotificationDeliveries(person)
    const byAddress = p.email ? await center.listNotificationDeliveries({ recipient: p.email }) : []
    const deliveries = [...new Map([...byPerson, ...byAddress].map((d: any) => [d.id, d])).values()]
    if (deliveries.length) {
      await center.updateNotificationDeliveries(deliveries.map((d: any) => ({
        id: d.id, recipient: `erased:${d.id}`, subject: scrub(d.subject, p), content: { erased: true }, sealed_content: null, reissue: null, last_error: scrub(d.last_error, p),
      })))
    }
    const deliveryAttempts = deliveries.length ? await center.listNotificationAttempts({ delivery_id: deliveries.map((d: any) => d.id) }) : []
    if (deliveryAttempts.length) await center.updateNotificationAttempts(deliveryAttempts.map((a: any) => ({ id: a.id, provider_response: null, error: scrub(a.error, p) })))
    const preferences = await center.listNotificationPreferences(person)
    if (preferences.length) await center.deleteNotificationPreferences(preferences.map((x: any) => x.id))
    const telegram = await center.listTelegramLinks(person)
    if (telegram.length) await center.deleteTelegramLinks(telegram.map((x: any) => x.id))

    const cartRows = await carts.listCarts({ customer_id: p.customer_id }, { relations: ["shipping_address", "billing_address"] })
    if (cartRows.length) await carts.updateCarts(cartRows.map((c: any) => ({ id: c.id, email: erasedEmail(p.customer_id) })))
    const addresses = cartRows.flatMap((c: any) => [c.shipping_address, c.billing_address]).filter(Boolean)
    const uniqueAddresses = [...new Map(addresses.map((a: any) => [a.id, a])).values()]
    if (uniqueAddresses.length) {
      await carts.updateAddresses(uniqueAddresses.map((a: any) => ({ id: a.id, ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, null])), metadata: null })))
    }

    return new StepResponse(
      { grants: grants.length, messages: messages.length, deliveries: deliveries.length, carts: cartRows.length },
      { grants, devices, attempts, messages, notes, deliveries, deliveryAttempts, preferences, telegram, cartRows, addresses: uniqueAddresses }
    )
  },
  async (saved, { container }) => {
    if (!saved) return
    const courses: any = container.resolve(COURSE_ACCESS_MODULE)
    const marketplace: any = container.resolve(MARKETPLACE_MODULE)
    const center: any = container.resolve(NOTIFICATION_CENTER_MODULE)
    const carts: any = container.resolve(Modules.CART)
    const strip = ({ created_at, updated_at, deleted_at, ...row }: any) => row
    if (saved.grants.length) await courses.updateCourseGrants(saved.grants.map((g: any) => ({ id: g.id, buyer_email: g.buyer_email, buyer_name: g.buyer_name })))
    if (saved.devices.length) await courses.createCourseSessions(saved.devices.map(strip))
    if (saved.attempts.length) await courses.updateAccessAttempts(saved.attempts.map((a: any) => ({ id: a.id, ip: a.ip, user_agent: a.user_agent })))
    if (saved.messages.length) await marketplace.updateDisputeMessages(saved.messages.map((m: any) => ({ id: m.id, body: m.body })))
    if (saved.notes.length) await marketplace.updateDisputes(saved.notes.map((d: any) => ({ id: d.id, resolution_note: d.resolution_note })))
    if (saved.deliveries.length) {
      await center.updateNotificationDeliveries(saved.deliveries.map((d: any) => ({
        id: d.id, recipient: d.recipient, subject: d.subject, content: d.content, sealed_content: d.sealed_content, reissue: d.reissue, last_error: d.last_error,
      })))
    }
    if (saved.deliveryAttempts.length) await center.updateNotificationAttempts(saved.deliveryAttempts.map((a: any) => ({ id: a.id, provider_response: a.provider_response, error: a.error })))
    if (saved.preferences.length) await center.createNotificationPreferences(saved.preferences.map(strip))
    if (saved.telegram.length) await center.createTelegramLinks(saved.telegram.map(strip))
    if (saved.cartRows.length) await carts.updateCarts(saved.cartRows.map((c: any) => ({ id: c.id, email: c.email })))
    if (saved.addresses.length) {
      await carts.updateAddresses(saved.addresses.map((a: any) => ({ id: a.id, ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, a[f] ?? null])), metadata: a.metadata ?? null })))
    }
  }
)
