import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../modules/audit"
import { AUTH_SESSION_MODULE } from "../../modules/auth-session"
import { BOOKING_MODULE } from "../../modules/booking"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import { NOTIFICATION_CENTER_MODULE } from "../../modules/notification-center"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import { PRIVACY_MODULE } from "../../modules/privacy"
import { storedMinor, toMajorString, toMinor } from "../money"
import { LINE_AMOUNT_FIELDS, lineAmountMinor, lineQuantity } from "../order-items"

/**
 * Everything the platform holds about one customer (GDPR art. 15/20), gathered from every module that
 * stores something of theirs: Medusa's customer and orders, our order lines, bookings, course grants and
 * what was watched, disputes, notifications and their settings, the Telegram link, sign-in sessions,
 * e-mail verification, audit rows about them and their privacy requests. States come as the code and
 * in words; amounts in minor units and in words ("25.00 EUR"). Nothing secret (tokens, hashes, sealed
 * message copies) is included.
 */
export async function customerDataExport(scope: MedusaContainer, who: { customer_id: string; auth_identity_id?: string | null }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = who.customer_id
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "created_at", "metadata", "addresses.*"],
    filters: { id: customerId },
  })
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "email", "currency_code", "status",
      "items.id", "items.title", "items.product_title", "items.variant_title", "items.product_id", ...LINE_AMOUNT_FIELDS,
      "shipping_address.*", "billing_address.*"],
    filters: { customer_id: customerId },
  })
  const orderIds = orders.map((o: any) => o.id)
  const linesOfOrders = orderIds.length ? await resolve(scope, ORDER_LINES_MODULE).listOrderLines({ order_id: orderIds }) : []
  const lineByItem = new Map<string, any>(linesOfOrders.map((l: any) => [l.line_item_id, l]))

  const presentedOrders = orders.map((o: any) => ({
    id: o.id, display_id: o.display_id, created_at: o.created_at, email: o.email, currency_code: o.currency_code,
    status: o.status, status_words: words(o.status),
    shipping_address: o.shipping_address ?? null, billing_address: o.billing_address ?? null,
    lines: (o.items ?? []).map((item: any) => {
      const line = lineByItem.get(item.id)
      const currency = o.currency_code
      const unit = toMinor(item.unit_price ?? 0, currency)
      const quantity = lineQuantity(item)
      const total = lineAmountMinor(item, currency) // after the line's discounts, with its taxes
      return {
        line_item_id: item.id, order_line_id: line?.id ?? null, title: item.product_title ?? item.title, variant: item.variant_title ?? null,
        kind: line?.kind ?? null, state: line?.state ?? null, state_words: line ? words(line.state) : null,
        quantity, unit_price_minor: unit, total_minor: total, total: amount(total, currency),
        captured_minor: line ? storedMinor(line.captured_amount) : 0, refunded_minor: line ? storedMinor(line.refunded_amount) : 0,
        refunded: line ? amount(storedMinor(line.refunded_amount), currency) : amount(0, currency),
        carrier: line?.carrier ?? null, tracking_number: line?.tracking_number ?? null,
      }
    }),
  }))

  const [bookings, courses, disputes, notifications, sessions, audit, privacyRequests] = await Promise.all([
    bookingsOf(scope, customerId, customer, orders),
    coursesOf(scope, customerId),
    disputesOf(scope, customerId),
    notificationsOf(scope, customerId, customer?.email ?? null),
    sessionsOf(scope, who.auth_identity_id ?? null, customer?.email ?? null),
    auditAbout(scope, customerId, [...orderIds, ...linesOfOrders.map((l: any) => l.id)]),
    resolve(scope, PRIVACY_MODULE).listPrivacyRequests({ customer_id: customerId }, { order: { created_at: "ASC" } }),
  ])

  return {
    exported_at: new Date().toISOString(),
    customer,
    orders: presentedOrders,
    bookings,
    courses,
    disputes,
    notifications,
    sessions: sessions.sessions,
    email_verification: sessions.email_verification,
    audit,
    privacy_requests: privacyRequests.map(({ id, kind, status, created_at, completed_at }: any) => ({ id, kind, status, created_at, completed_at })),
  }
}

const resolve = (scope: MedusaContainer, key: string) => scope.resolve(key) as any

/** "RETURN_REQUESTED" → "Return requested": people read words, not codes. */
export function words(code: string | null | undefined): string | null {
  if (!code) return null
  const text = String(code).replace(/[_-]+/g, " ").toLowerCase().trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const amount = (minor: number, currency: string) => `${toMajorString(minor, currency)} ${currency.toUpperCase()}`

async function titlesOf(scope: MedusaContainer, productIds: string[]): Promise<Map<string, string>> {
  if (!productIds.length) return new Map()
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: [...new Set(productIds)] } })
  return new Map(data.map((p: any) => [p.id, p.title]))
}

async function merchantNames(scope: MedusaContainer, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))] as string[]
  if (!wanted.length) return new Map()
  const merchants = await resolve(scope, MARKETPLACE_MODULE).listMerchants({ id: wanted }, { select: ["id", "display_name"] })
  return new Map(merchants.map((m: any) => [m.id, m.display_name]))
}

/** Bookings with the slot, the service, the merchant and who attends (the order's contact, else the profile). */
async function bookingsOf(scope: MedusaContainer, customerId: string, customer: any, orders: any[]) {
  const rows = await resolve(scope, BOOKING_MODULE).listBookings({ customer_id: customerId }, { order: { start_at: "ASC" } })
  const [titles, merchants] = await Promise.all([titlesOf(scope, rows.map((b: any) => b.product_id)), merchantNames(scope, rows.map((b: any) => b.merchant_id))])
  const orderById = new Map(orders.map((o: any) => [o.id, o]))
  return rows.map((b: any) => {
    const order: any = b.order_id ? orderById.get(b.order_id) : null
    const contact = order?.billing_address ?? order?.shipping_address ?? null
    const name = [contact?.first_name ?? customer?.first_name, contact?.last_name ?? customer?.last_name].filter(Boolean).join(" ") || null
    return {
      id: b.id, order_id: b.order_id, service: titles.get(b.product_id) ?? null, merchant: b.merchant_id ? merchants.get(b.merchant_id) ?? null : null,
      start_at: new Date(b.start_at).toISOString(), end_at: new Date(b.end_at).toISOString(), timezone: b.timezone,
      status: b.status, status_words: words(b.status), reschedule_count: b.reschedule_count, created_at: b.created_at,
      attendee: { name, email: order?.email ?? customer?.email ?? null, phone: contact?.phone ?? customer?.phone ?? null },
    }
  })
}

/** Course grants with what the watermark prints, progress per lesson, devices and refused attempts. */
async function coursesOf(scope: MedusaContainer, customerId: string) {
  const courses = resolve(scope, COURSE_ACCESS_MODULE)
  const grants = await courses.listCourseGrants({ customer_id: customerId }, { order: { granted_at: "ASC" } })
  const grantIds = grants.map((g: any) => g.id)
  const [progress, devices, attempts, titles] = await Promise.all([
    grantIds.length ? courses.listLessonProgresses({ grant_id: grantIds }) : [],
    grantIds.length ? courses.listCourseSessions({ grant_id: grantIds }) : [],
    courses.listAccessAttempts({ customer_id: customerId }, { order: { created_at: "ASC" } }),
    titlesOf(scope, grants.map((g: any) => g.product_id)),
  ])
  const lessonIds = [...new Set(progress.map((p: any) => p.lesson_id))]
  const lessons = lessonIds.length ? await courses.listCourseLessons({ id: lessonIds }, { select: ["id", "title"] }) : []
  const lessonTitle = new Map(lessons.map((l: any) => [l.id, l.title]))
  return grants.map((g: any) => ({
    id: g.id, order_id: g.order_id, course: titles.get(g.product_id) ?? null, status: g.status, status_words: words(g.status),
    granted_at: g.granted_at, expires_at: g.expires_at, revoked_at: g.revoked_at, reason: g.reason,
    consumption_pct: g.consumption_pct ?? 0,
    watermark: { email: g.buyer_email, name: g.buyer_name, order: g.order_display_id },
    lessons: progress.filter((p: any) => p.grant_id === g.id).map((p: any) => ({
      lesson: lessonTitle.get(p.lesson_id) ?? p.lesson_id, percent: p.percent, watched_ms: p.watched_ms, position_seconds: p.position_seconds, updated_at: p.updated_at,
    })),
    devices: devices.filter((d: any) => d.grant_id === g.id).map((d: any) => ({ device_id: d.device_id, last_seen_at: d.last_seen_at })),
    refused_requests: attempts.filter((a: any) => a.grant_id === g.id).map((a: any) => ({ at: a.created_at, why: words(a.code), ip: a.ip, user_agent: a.user_agent })),
  }))
}

async function disputesOf(scope: MedusaContainer, customerId: string) {
  const rows = await resolve(scope, MARKETPLACE_MODULE).listDisputes({ customer_id: customerId }, { relations: ["messages"], order: { created_at: "ASC" } })
  const merchants = await merchantNames(scope, rows.map((d: any) => d.merchant_id))
  const author = { buyer: "you", merchant: "merchant", admin: "platform" } as Record<string, string>
  return rows.map((d: any) => ({
    id: d.id, order_id: d.order_id, order_line_id: d.order_line_id, merchant: d.merchant_id ? merchants.get(d.merchant_id) ?? null : null,
    reason: d.reason, reason_words: words(d.reason), status: d.status, status_words: words(d.status),
    refund_minor: d.refund_amount == null ? null : storedMinor(d.refund_amount),
    refund: d.refund_amount == null ? null : amount(storedMinor(d.refund_amount), d.currency_code),
    resolution_note: d.resolution_note, resolved_at: d.resolved_at, created_at: d.created_at,
    messages: [...(d.messages ?? [])].sort((a: any, b: any) => +new Date(a.created_at) - +new Date(b.created_at))
      .map((m: any) => ({ author: author[m.author_type] ?? m.author_type, body: m.body, at: m.created_at })),
  }))
}

/** Messages sent to them (what was sent, not live secrets: `content` already holds those redacted), settings, Telegram. */
async function notificationsOf(scope: MedusaContainer, customerId: string, email: string | null) {
  const center = resolve(scope, NOTIFICATION_CENTER_MODULE)
  const person = { person_type: "customer", person_id: customerId }
  const [mine, toAddress, preferences, [telegram]] = await Promise.all([
    center.listNotificationDeliveries(person, { order: { created_at: "ASC" } }),
    email ? center.listNotificationDeliveries({ recipient: email }, { order: { created_at: "ASC" } }) : [],
    center.listNotificationPreferences(person),
    center.listTelegramLinks(person),
  ])
  const deliveries = new Map<string, any>()
  for (const d of [...mine, ...toAddress]) deliveries.set(d.id, d)
  return {
    deliveries: [...deliveries.values()].map((d: any) => ({
      id: d.id, channel: d.channel, recipient: d.recipient, notification_type: d.notification_type, notification_words: words(d.notification_type),
      subject: d.subject, text: d.content?.text ?? d.content?.telegram ?? null, status: d.status, status_words: words(d.status),
      created_at: d.created_at, sent_at: d.sent_at,
    })),
    preferences: preferences.map((p: any) => ({ notification_type: p.notification_type, channel: p.channel, enabled: p.enabled })),
    telegram: telegram ? { chat_id: telegram.chat_id, linked_at: telegram.linked_at } : null,
  }
}

async function sessionsOf(scope: MedusaContainer, authIdentityId: string | null, email: string | null) {
  if (!authIdentityId) return { sessions: [], email_verification: { email, verified_at: null } }
  const service = resolve(scope, AUTH_SESSION_MODULE)
  const rows = await service.listForIdentity(authIdentityId, "customer", true)
  const verifiedAt = email ? await service.emailVerifiedAt(authIdentityId, "customer", email) : null
  return {
    sessions: rows.map(({ id, user_agent, ip, created_at, last_used_at, revoked_at, revoked_reason }: any) =>
      ({ id, user_agent, ip, created_at, last_used_at, revoked_at, revoked_reason })),
    email_verification: { email, verified_at: verifiedAt },
  }
}

/** Audit rows written by them or about them, their orders and lines. */
async function auditAbout(scope: MedusaContainer, customerId: string, targetIds: string[]) {
  const audit = resolve(scope, AUDIT_MODULE)
  const [byThem, aboutThem] = await Promise.all([
    audit.listAuditEntries({ actor_id: customerId }, { order: { seq: "ASC" } }),
    audit.listAuditEntries({ target_id: [customerId, ...targetIds] }, { order: { seq: "ASC" } }),
  ])
  const rows = new Map<string, any>()
  for (const r of [...byThem, ...aboutThem]) rows.set(r.id, r)
  return [...rows.values()].sort((a, b) => a.seq - b.seq).map((r: any) => ({
    at: r.created_at, action: r.action, actor_type: r.actor_type, target_type: r.target_type, target_id: r.target_id,
    before: parse(r.before_json), after: parse(r.after_json), ip: r.ip,
  }))
}

const parse = (json: string | null) => {
  if (!json) return null
  try { return JSON.parse(json) } catch { return json }
}
