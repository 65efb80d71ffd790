import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { approvedMerchant, bearer, Headers, placeOrder, productBody } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import { MARKETPLACE_RLS_TABLES, MERCHANT_RLS_ROLE, MERCHANT_RLS_TABLES } from "../../src/modules/marketplace/rls"
import { BOOKING_RLS_TABLES } from "../../src/modules/booking/rls"
import { COURSE_ACCESS_RLS_TABLES } from "../../src/modules/course-access/rls"
import { ORDER_LINES_RLS_TABLES } from "../../src/modules/order-lines/rls"
import { VAT_AE_RLS_TABLES } from "../../src/modules/vat-ae/rls"

jest.setTimeout(300 * 1000)

const MERCHANT_API = path.resolve(__dirname, "../../src/api/merchant")

/** Every merchant route the app registers: "METHOD /merchant/…", read from src/api/merchant. */
function registeredMerchantRoutes(): string[] {
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const urlPath = "/merchant" + path.relative(MERCHANT_API, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).map((s) => (s ? `/${s}` : "")).join("")
        const source = fs.readFileSync(full, "utf8")
        for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) routes.push(`${m[1]} ${urlPath}`)
      }
    }
  }
  walk(MERCHANT_API)
  return routes.sort()
}

type World = {
  api: any
  a: Headers
  b: Headers
  bIds: { merchant: string; product: string; variant: string; order: string; inviteToken: string; line: string; mixedLine: string; dispute: string; invoice: string; creditNote: string; course: string; lesson: string;
    service: string; schedule: string; booking: string; option: string; member: string; zone: string; shippingOption: string }
  aIds: { product: string; variant: string; mixedOrder: string; course: string; service: string }
}
type Attempt = { label: string; res: { status: number; data: any }; mayListOwnOnly?: boolean }

/** The session id (`sid` claim) inside a bearer token. */
const sessionIdOf = (h: Headers) => JSON.parse(Buffer.from(h.headers.authorization.split(".")[1], "base64url").toString()).sid

const call = async (p: Promise<any>) => {
  try {
    const r = await p
    return { status: r.status, data: r.data }
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}

/**
 * How merchant A tries to reach merchant B through each route: by id, by filter, by body field.
 * A route added to src/api/merchant without an entry here fails the suite.
 */
const ATTACKS: Record<string, (w: World) => Promise<Attempt[]>> = {
  "GET /merchant/me": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/me?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/me/legal": async ({ api, a, bIds }) => [
    // The route only ever changes the caller's own merchant; naming B is refused, and B's INN stays as it was (snapshot).
    { label: "body merchant_id", res: await call(api.post("/merchant/me/legal", { inn: "9909000011", merchant_id: bIds.merchant }, a)) },
    { label: "body merchant_id, legal name and address", res: await call(api.post("/merchant/me/legal",
      { legal_name: "Spy GmbH", legal_address: "Spy street 1, Berlin", merchant_id: bIds.merchant }, a)) },
    { label: "query merchant_id", res: await call(api.post(`/merchant/me/legal?merchant_id=${bIds.merchant}`, { inn: "9909000011" }, a)) },
  ],
  "POST /merchant/me/payout-method": async ({ api, a, bIds }) => [
    // Only ever the caller's own merchant: naming B is refused, and B's payout method stays as it was (snapshot).
    { label: "body merchant_id", res: await call(api.post("/merchant/me/payout-method",
      { type: "bank_transfer", account_holder: "Spy", iban: "DE89370400440532013000", merchant_id: bIds.merchant }, a)) },
    { label: "query merchant_id", res: await call(api.post(`/merchant/me/payout-method?merchant_id=${bIds.merchant}`,
      { type: "bank_transfer", account_holder: "Spy", iban: "DE89370400440532013000" }, a)) },
  ],
  // Notification settings are per staff member; naming another merchant is refused by the gate.
  "GET /merchant/me/notification-preferences": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/me/notification-preferences?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/me/notification-preferences": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/me/notification-preferences",
      { merchant_id: bIds.merchant, preferences: [{ notification_type: "MERCHANT_NEW_ORDER_LINES", channel: "email", enabled: false }] }, a)) },
  ],
  // A's Telegram link binds A's own chat: naming B's merchant is refused before a token is made.
  "POST /merchant/me/telegram-link": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/me/telegram-link", { merchant_id: bIds.merchant }, a)) },
    { label: "query merchant_id", res: await call(api.post(`/merchant/me/telegram-link?merchant_id=${bIds.merchant}`, {}, a)) },
  ],
  // A member's own language: only ever the caller's; naming another merchant is refused by the gate.
  "POST /merchant/me/locale": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/me/locale", { locale: "ar", merchant_id: bIds.merchant }, a)) },
    { label: "query merchant_id", res: await call(api.post(`/merchant/me/locale?merchant_id=${bIds.merchant}`, { locale: "ar" }, a)) },
  ],
  // Sessions and e-mail verification (docs/security.md): A never sees or ends B's sessions.
  "GET /merchant/me/sessions": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/me/sessions?merchant_id=${bIds.merchant}`, a)) },
  ],
  "DELETE /merchant/me/sessions": async ({ api, a, bIds }) => [
    { label: "sign B out everywhere", res: await call(api.delete(`/merchant/me/sessions?merchant_id=${bIds.merchant}`, a)) },
  ],
  "DELETE /merchant/me/sessions/:id": async ({ api, a, b }) => [
    { label: "revoke B's session by id", res: await call(api.delete(`/merchant/me/sessions/${sessionIdOf(b)}`, a)) },
  ],
  "GET /merchant/me/email-verification": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/me/email-verification?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/me/email-verification": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/me/email-verification", { merchant_id: bIds.merchant }, a)) },
  ],
  "GET /merchant/staff": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/staff?merchant_id=${bIds.merchant}`, a)) },
  ],
  // Roles are the owner's to change, and only for their own team: B's owner is not found for A.
  "POST /merchant/staff/:id": async ({ api, a, bIds }) => [
    { label: "B's member", res: await call(api.post(`/merchant/staff/${bIds.member}`, { role: "FINANCE" }, a)) },
    { label: "B's member, body merchant_id", res: await call(api.post(`/merchant/staff/${bIds.member}`, { role: "FINANCE", merchant_id: bIds.merchant }, a)) },
  ],
  "GET /merchant/invites": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/invites?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/invites": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/invites", { email: "spy@a.test", merchant_id: bIds.merchant }, a)) },
  ],
  "POST /merchant/invites/accept": async ({ api, a, bIds }) => [
    { label: "accept B's invite", res: await call(api.post("/merchant/invites/accept", { token: bIds.inviteToken }, a)) },
  ],
  "POST /merchant/applications": async ({ api, a }) => [
    { label: "re-apply as B's handle", res: await call(api.post("/merchant/applications", { handle: "merchant-b", legal_name: "Spy LLC",
      display_name: "Spy", country_code: "de", tax_regime: "VAT_PAYER", contact_email: "spy@a.test" }, a)) },
  ],
  "GET /merchant/products": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/products?merchant_id=${bIds.merchant}`, a)) },
    { label: "filter id", res: await call(api.get(`/merchant/products?id=${bIds.product}`, a)), mayListOwnOnly: true },
  ],
  "POST /merchant/products": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/products", productBody("Planted", { merchant_id: bIds.merchant }), a)) },
  ],
  "GET /merchant/products/:id": async ({ api, a, bIds }) => [
    { label: "B's id", res: await call(api.get(`/merchant/products/${bIds.product}`, a)) },
  ],
  "POST /merchant/products/:id": async ({ api, a, aIds, bIds }) => [
    { label: "B's id", res: await call(api.post(`/merchant/products/${bIds.product}`, { title: "Hacked" }, a)) },
    { label: "own id, body merchant_id", res: await call(api.post(`/merchant/products/${aIds.product}`, { merchant_id: bIds.merchant }, a)) },
  ],
  "DELETE /merchant/products/:id": async ({ api, a, bIds }) => [
    { label: "B's id", res: await call(api.delete(`/merchant/products/${bIds.product}`, a)) },
  ],
  "POST /merchant/products/:id/variants": async ({ api, a, bIds }) => [
    { label: "B's product", res: await call(api.post(`/merchant/products/${bIds.product}/variants`, { title: "Extra", options: { Format: "Default" },
      prices: [{ currency_code: "eur", amount: 1 }] }, a)) },
  ],
  "POST /merchant/products/:id/variants/:variant_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.post(`/merchant/products/${bIds.product}/variants/${bIds.variant}`, { title: "Hacked" }, a)) },
    { label: "own product, B's variant", res: await call(api.post(`/merchant/products/${aIds.product}/variants/${bIds.variant}`,
      { prices: [{ currency_code: "eur", amount: 0 }] }, a)) },
  ],
  "DELETE /merchant/products/:id/variants/:variant_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.delete(`/merchant/products/${bIds.product}/variants/${bIds.variant}`, a)) },
    { label: "own product, B's variant", res: await call(api.delete(`/merchant/products/${aIds.product}/variants/${bIds.variant}`, a)) },
  ],
  "POST /merchant/products/:id/variants/:variant_id/inventory": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.post(`/merchant/products/${bIds.product}/variants/${bIds.variant}/inventory`, { stocked_quantity: 0 }, a)) },
    { label: "own product, B's variant", res: await call(api.post(`/merchant/products/${aIds.product}/variants/${bIds.variant}/inventory`, { stocked_quantity: 0 }, a)) },
  ],
  // The dashboard's catalogue (issue 22 §2, §3).
  "POST /merchant/products/:id/options": async ({ api, a, bIds }) => [
    { label: "B's product", res: await call(api.post(`/merchant/products/${bIds.product}/options`, { title: "Planted", values: ["x"] }, a)) },
  ],
  "POST /merchant/products/:id/options/:option_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + option", res: await call(api.post(`/merchant/products/${bIds.product}/options/${bIds.option}`, { title: "Hacked" }, a)) },
    { label: "own product, B's option", res: await call(api.post(`/merchant/products/${aIds.product}/options/${bIds.option}`, { values: ["Hacked"] }, a)) },
  ],
  "DELETE /merchant/products/:id/options/:option_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + option", res: await call(api.delete(`/merchant/products/${bIds.product}/options/${bIds.option}`, a)) },
    { label: "own product, B's option", res: await call(api.delete(`/merchant/products/${aIds.product}/options/${bIds.option}`, a)) },
  ],
  "POST /merchant/catalog/status": async ({ api, a, aIds, bIds }) => [
    { label: "B's product", res: await call(api.post("/merchant/catalog/status", { product_ids: [bIds.product], status: "draft" }, a)) },
    // One foreign id refuses the whole request: A's own product does not change either.
    { label: "own and B's product", res: await call(api.post("/merchant/catalog/status", { product_ids: [aIds.product, bIds.product], status: "draft" }, a)) },
  ],
  // Pictures go to the file module under the caller's merchant; nothing of B's can be named.
  "POST /merchant/uploads": async ({ api, a }) => [
    { label: "plain upload", res: await call(api.post("/merchant/uploads", { files: [{ filename: "a.png", mime_type: "image/png",
      content_base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=" }] }, a)), mayListOwnOnly: true },
  ],
  // Pure arithmetic on the body: reads no schedule, so there is nothing of B's to reach.
  "POST /merchant/catalog/schedule-preview": async ({ api, a }) => [
    { label: "plain preview", res: await call(api.post("/merchant/catalog/schedule-preview", { timezone: "Asia/Dubai",
      weekly_hours: [{ day: "MO", start: "09:00", end: "10:00" }], slot_minutes: 60 }, a)), mayListOwnOnly: true },
  ],
  // The merchant's own delivery (issue 22): B's zones and options are not found for A.
  "GET /merchant/shipping": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/shipping?merchant_id=${bIds.merchant}`, a)) },
    { label: "A's delivery", res: await call(api.get("/merchant/shipping", a)), mayListOwnOnly: true },
  ],
  "POST /merchant/shipping/zones": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/shipping/zones", { name: "Planted", countries: ["nl"], merchant_id: bIds.merchant }, a)) },
  ],
  "POST /merchant/shipping/zones/:id": async ({ api, a, bIds }) => [
    { label: "B's zone", res: await call(api.post(`/merchant/shipping/zones/${bIds.zone}`, { name: "Hacked", countries: ["nl"] }, a)) },
  ],
  "DELETE /merchant/shipping/zones/:id": async ({ api, a, bIds }) => [
    { label: "B's zone", res: await call(api.delete(`/merchant/shipping/zones/${bIds.zone}`, a)) },
  ],
  "POST /merchant/shipping/options": async ({ api, a, bIds }) => [
    { label: "into B's zone", res: await call(api.post("/merchant/shipping/options", { zone_id: bIds.zone, name: "Planted", prices: [{ currency_code: "eur", amount: 1 }] }, a)) },
  ],
  "POST /merchant/shipping/options/:id": async ({ api, a, bIds }) => [
    { label: "B's option", res: await call(api.post(`/merchant/shipping/options/${bIds.shippingOption}`, { prices: [{ currency_code: "eur", amount: 0 }] }, a)) },
  ],
  "DELETE /merchant/shipping/options/:id": async ({ api, a, bIds }) => [
    { label: "B's option", res: await call(api.delete(`/merchant/shipping/options/${bIds.shippingOption}`, a)) },
  ],
  "GET /merchant/orders": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/orders?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/orders", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/orders/:id": async ({ api, a, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}`, a)) },
  ],
  "POST /merchant/orders/:id/lines/:line_id/refunds": async ({ api, a, aIds, bIds }) => [
    { label: "B's order + line", res: await call(api.post(`/merchant/orders/${bIds.order}/lines/${bIds.line}/refunds`, { reason: "steal" }, a)) },
    { label: "shared order, B's line", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.mixedLine}/refunds`, { reason: "steal" }, a)) },
  ],
  // The money preview of a move (issue 22 §4): B's line is not found for A, even inside a shared order.
  "GET /merchant/orders/:id/lines/:line_id/effect": async ({ api, a, aIds, bIds }) => [
    { label: "B's order + line", res: await call(api.get(`/merchant/orders/${bIds.order}/lines/${bIds.line}/effect?to=CANCELLED`, a)) },
    { label: "shared order, B's line", res: await call(api.get(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.mixedLine}/effect?refund=1`, a)) },
  ],
  // The dashboard's lines list and Home summary: A's own only.
  "GET /merchant/lines": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/lines?merchant_id=${bIds.merchant}`, a)) },
    { label: "all of A's lines", res: await call(api.get("/merchant/lines?state=PAID,CANCELLED,CONFIRMED", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/home": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/home?merchant_id=${bIds.merchant}`, a)) },
    { label: "A's home", res: await call(api.get("/merchant/home", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/orders/:id/lines": async ({ api, a, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}/lines`, a)) },
  ],
  "POST /merchant/orders/:id/lines/:line_id/transitions": async ({ api, a, aIds, bIds }) => [
    { label: "B's order + line", res: await call(api.post(`/merchant/orders/${bIds.order}/lines/${bIds.line}/transitions`, { to: "CONFIRMED" }, a)) },
    { label: "shared order, B's line", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.mixedLine}/transitions`, { to: "CONFIRMED" }, a)) },
    { label: "own order id, B's line from elsewhere", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.line}/transitions`, { to: "CANCELLED" }, a)) },
  ],
  "GET /merchant/orders/:id/split": async ({ api, a, aIds, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}/split`, a)) },
    { label: "shared order", res: await call(api.get(`/merchant/orders/${aIds.mixedOrder}/split`, a)), mayListOwnOnly: true },
  ],
  "GET /merchant/balance": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/balance?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain", res: await call(api.get("/merchant/balance", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/payouts": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/payouts?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/payouts", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/statement": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/statement?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain", res: await call(api.get("/merchant/statement", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/commission-rules": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/commission-rules?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/commission-rules", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/disputes": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/disputes?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/disputes", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/disputes/:id": async ({ api, a, bIds }) => [
    { label: "B's dispute", res: await call(api.get(`/merchant/disputes/${bIds.dispute}`, a)) },
  ],
  "POST /merchant/disputes/:id/messages": async ({ api, a, bIds }) => [
    { label: "B's dispute", res: await call(api.post(`/merchant/disputes/${bIds.dispute}/messages`, { body: "spy" }, a)) },
  ],
  // UAE VAT documents (docs/vat-ae.md): B's tax invoice and credit note.
  "GET /merchant/tax-invoices": async ({ api, a, bIds }) => [
    { label: "filter supplier_id", res: await call(api.get(`/merchant/tax-invoices?supplier_id=${bIds.merchant}`, a)), mayListOwnOnly: true },
    { label: "filter B's order", res: await call(api.get(`/merchant/tax-invoices?order_id=${bIds.order}`, a)), mayListOwnOnly: true },
  ],
  "GET /merchant/tax-invoices/:id": async ({ api, a, bIds }) => [
    { label: "B's invoice (json)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}`, a)) },
    { label: "B's invoice (pdf)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}?format=pdf`, a)) },
    { label: "B's invoice (ubl)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}?format=xml`, a)) },
  ],
  "GET /merchant/credit-notes/:id": async ({ api, a, bIds }) => [
    { label: "B's credit note", res: await call(api.get(`/merchant/credit-notes/${bIds.creditNote}?format=txt`, a)) },
  ],
  // course access (docs/course-access.md)
  "GET /merchant/courses/:product_id": async ({ api, a, bIds }) => [
    { label: "B's course", res: await call(api.get(`/merchant/courses/${bIds.course}`, a)) },
  ],
  "POST /merchant/courses/:product_id/policy": async ({ api, a, aIds, bIds }) => [
    { label: "B's course", res: await call(api.post(`/merchant/courses/${bIds.course}/policy`, { refund_days: 365 }, a)) },
    { label: "own course, body merchant_id", res: await call(api.post(`/merchant/courses/${aIds.course}/policy`, { merchant_id: bIds.merchant }, a)) },
  ],
  "POST /merchant/courses/:product_id/lessons": async ({ api, a, bIds }) => [
    { label: "B's course", res: await call(api.post(`/merchant/courses/${bIds.course}/lessons`, { kind: "file", title: "Planted",
      filename: "x.txt", mime_type: "text/plain", content_base64: Buffer.from("x").toString("base64") }, a)) },
  ],
  "POST /merchant/courses/:product_id/lessons/:lesson_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's course + lesson", res: await call(api.post(`/merchant/courses/${bIds.course}/lessons/${bIds.lesson}`, { title: "Hacked" }, a)) },
    { label: "own course, B's lesson", res: await call(api.post(`/merchant/courses/${aIds.course}/lessons/${bIds.lesson}`, { title: "Hacked" }, a)) },
  ],
  "DELETE /merchant/courses/:product_id/lessons/:lesson_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's course + lesson", res: await call(api.delete(`/merchant/courses/${bIds.course}/lessons/${bIds.lesson}`, a)) },
    { label: "own course, B's lesson", res: await call(api.delete(`/merchant/courses/${aIds.course}/lessons/${bIds.lesson}`, a)) },
  ],
  // Service booking (issue 6)
  "GET /merchant/schedules": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/schedules?merchant_id=${bIds.merchant}`, a)) },
    { label: "filter product_id", res: await call(api.get(`/merchant/schedules?product_id=${bIds.service}`, a)), mayListOwnOnly: true },
  ],
  "POST /merchant/schedules": async ({ api, a, bIds }) => [
    { label: "B's product", res: await call(api.post("/merchant/schedules", { product_id: bIds.service, timezone: "Asia/Dubai",
      rrule: "FREQ=DAILY;BYHOUR=9", slot_minutes: 60 }, a)) },
  ],
  "GET /merchant/schedules/:id": async ({ api, a, bIds }) => [
    { label: "B's schedule", res: await call(api.get(`/merchant/schedules/${bIds.schedule}`, a)) },
  ],
  "POST /merchant/schedules/:id": async ({ api, a, bIds }) => [
    { label: "B's schedule", res: await call(api.post(`/merchant/schedules/${bIds.schedule}`, { capacity: 50 }, a)) },
  ],
  "DELETE /merchant/schedules/:id": async ({ api, a, bIds }) => [
    { label: "B's schedule", res: await call(api.delete(`/merchant/schedules/${bIds.schedule}`, a)) },
  ],
  "GET /merchant/bookings": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/bookings?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/bookings", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/bookings/:id": async ({ api, a, bIds }) => [
    { label: "B's booking", res: await call(api.get(`/merchant/bookings/${bIds.booking}`, a)) },
  ],
  "POST /merchant/bookings/:id/reschedule": async ({ api, a, bIds }) => [
    { label: "B's booking", res: await call(api.post(`/merchant/bookings/${bIds.booking}/reschedule`, { slot_start: new Date(Date.now() + 3 * 86_400_000).toISOString() }, a)) },
    { label: "B's booking, body merchant_id", res: await call(api.post(`/merchant/bookings/${bIds.booking}/reschedule`,
      { slot_start: new Date(Date.now() + 3 * 86_400_000).toISOString(), merchant_id: bIds.merchant }, a)) },
  ],
  "GET /merchant/bookings/:id/slots": async ({ api, a, bIds }) => [
    { label: "B's booking", res: await call(api.get(`/merchant/bookings/${bIds.booking}/slots`, a)) },
    { label: "B's booking, filter merchant_id", res: await call(api.get(`/merchant/bookings/${bIds.booking}/slots?merchant_id=${bIds.merchant}`, a)) },
  ],
  "GET /merchant/calendar-feed": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/calendar-feed?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/calendar-feed": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/calendar-feed", { merchant_id: bIds.merchant }, a)) },
  ],
}

/** A tax invoice and a credit note issued by B (straight through the VAT module: B is not a UAE supplier here). */
async function vatDocumentsOfB(container: any, merchantId: string, orderId: string, handle = "merchant-b") {
  const vat = container.resolve("vat_ae")
  const now = new Date()
  const { id: invoice } = await vat.issueInvoice({
    order_id: orderId, supplier_id: merchantId, supplier_handle: handle,
    invoice: { kind: "SIMPLIFIED", supplier: { name: "B secret supplier", trn: "100000000000003" }, recipient: { name: "Buyer" }, currency_code: "aed",
      issued_at: now, supply_date: now, taxable_minor: 5000, vat_minor: 250, total_minor: 5250, vat_aed_minor: 250, total_aed_minor: 5250 },
    lines: [{ line_item_id: "li_b", description: "B secret session", quantity: 1, unit_price_minor: 5000, taxable_minor: 5000, treatment: "STANDARD",
      rate_bps: 500, vat_minor: 250, total_minor: 5250 }],
  })
  const note = await vat.issueCreditNote({
    invoice_id: invoice, supplier_id: merchantId, supplier_handle: handle,
    build: () => ({
      note: { invoice_number: "INV-MERCHANT-B-000001", order_id: orderId, currency_code: "aed", reason: "B secret reason", issued_at: now,
        taxable_minor: 952, vat_minor: 48, total_minor: 1000, vat_aed_minor: 48, total_aed_minor: 1000 },
      lines: [{ line_item_id: "li_b", description: "B secret session", treatment: "STANDARD", rate_bps: 500, taxable_minor: 952, vat_minor: 48, total_minor: 1000 }],
    }),
  })
  return { invoice, creditNote: note.id }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    it("has an attack for every registered merchant route, and no attack for a route that is gone", () => {
      expect(registeredMerchantRoutes()).toEqual(Object.keys(ATTACKS).sort())
    })

    it("row-level security: as the merchant role, ledger and payouts show only app.merchant_id's rows, and nothing without it; admin and jobs see all", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const A = await approvedMerchant(api, admin, "rls-merchant-a")
      const B = await approvedMerchant(api, admin, "rls-merchant-b")
      const marketplace: any = container.resolve(MARKETPLACE_MODULE)
      // Each merchant: 10.00 / 20.00 EUR in escrow from a capture (the platform's side on BUYER_CLEARING), and a payout.
      await marketplace.postJournals([A, B].map((m, i) => ({
        key: `rls-capture-${i}`, kind: "capture", currency_code: "eur",
        entries: [{ account: "BUYER_CLEARING", merchant_id: null, amount: -1000 * (i + 1) }, { account: "MERCHANT_ESCROW", merchant_id: m.merchant.id, amount: 1000 * (i + 1) }],
      })))
      const batch = await marketplace.createPayoutBatches({ run_key: "rls-test", trigger: "admin" })
      await marketplace.createPayouts([A, B].map((m) => ({ batch_id: batch.id, merchant_id: m.merchant.id, currency_code: "eur", amount: 500, provider: "manual" })))
      const aId = A.merchant.id

      // Plain SQL as the merchant role: without app.merchant_id nothing; with A's, A's rows only — whatever the WHERE says.
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const asRole = (merchantId: string | null) => pg.transaction(async (trx: any) => {
        await trx.raw(`SET LOCAL ROLE ${MERCHANT_RLS_ROLE}`)
        if (merchantId) await trx.raw(`SELECT set_config('app.merchant_id', ?, true)`, [merchantId])
        const seen: Record<string, string[]> = {}
        for (const table of MERCHANT_RLS_TABLES) seen[table] = (await trx.raw(`SELECT DISTINCT "merchant_id" FROM "${table}" ORDER BY 1`)).rows.map((r: any) => r.merchant_id)
        return seen
      })
      expect(await asRole(null)).toEqual({ ledger_entry: [], payout: [] })
      expect(await asRole(aId)).toEqual({ ledger_entry: [aId], payout: [aId] })
      // The role cannot write, nor read tables without a policy (Medusa's own, here product).
      await expect(pg.transaction(async (trx: any) => {
        await trx.raw(`SET LOCAL ROLE ${MERCHANT_RLS_ROLE}`)
        await trx.raw(`SELECT count(*) FROM "product"`)
      })).rejects.toThrow(/permission denied/)

      // Through the module: a query that forgot its merchant filter still returns only A's rows inside asMerchant.
      const forgot = await marketplace.asMerchant(aId, async (ctx: any) => ({
        ledger: (await marketplace.listLedgerEntries({}, {}, ctx)).map((e: any) => e.merchant_id),
        payouts: (await marketplace.listPayouts({}, {}, ctx)).map((p: any) => p.merchant_id),
        balances: (await marketplace.ledgerBalances({}, ctx)).map((b: any) => b.merchant_id),
      }))
      expect(forgot).toEqual({ ledger: [aId], payouts: [aId], balances: [aId] })
      // The pooled connection comes back clean: outside asMerchant (admin routes, jobs) every row is there.
      expect((await marketplace.listLedgerEntries({})).length).toBe(4)
      expect((await marketplace.listPayouts({})).length).toBe(2)

      // The merchant API routes that read under it still answer the merchant's own figures.
      expect((await api.get("/merchant/balance", A.owner)).data.balances).toEqual([{ currency_code: "eur", escrow: 1000, available: 0, in_transit: 0, paid_out: 0 }])
      expect((await api.get("/merchant/payouts", A.owner)).data.payouts.map((p: any) => [p.merchant_id, p.amount])).toEqual([[aId, 500]])
      expect((await api.get("/merchant/statement", B.owner)).status).toBe(200)
      expect((await api.get(`/admin/merchants/${B.merchant.id}/balance`, admin)).data.balances[0].escrow).toBe(2000)
    })

    it("row-level security on every merchant-owned table: with A's scope B's rows are invisible and cannot be changed, deleted or copied; without a scope nothing is visible", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const merchants = [await approvedMerchant(api, admin, "rls-rows-a"), await approvedMerchant(api, admin, "rls-rows-b")]
      const [aId, bId] = merchants.map((m) => m.merchant.id)
      const marketplace: any = container.resolve(MARKETPLACE_MODULE)
      const orderLines: any = container.resolve("order_lines")
      const booking: any = container.resolve("booking")
      const courses: any = container.resolve("course_access")
      // One row of each merchant in every table (merchant and owner user come from the application).
      for (const [i, id] of [aId, bId].entries()) {
        const order = `order_rls_${i}`
        await marketplace.createMerchantInvites({ merchant_id: id, email: `invite-${i}@rls.test`, invited_by: "test", token_hash: `rls-hash-${i}`, expires_at: new Date(Date.now() + 3600e3) })
        await marketplace.createCommissionRules({ merchant_id: id, rate_bps: 700 + i })
        const split = await marketplace.createOrderSplits({ order_id: order, merchant_id: id, currency_code: "eur", gross: 1000, discount: 0, tax: 0, commission: 100, net: 900 })
        await marketplace.createSplitLines({ order_id: order, order_line_id: `oline_rls_${i}`, line_item_id: `li_rls_${i}`, merchant_id: id, kind: "PHYSICAL", currency_code: "eur",
          subtotal: 1000, discount: 0, tax: 0, gross: 1000, commission: 100, net: 900, rule_id: "default", rate_bps: 1000, split_id: split.id })
        const dispute = await marketplace.createDisputes({ order_id: order, order_line_id: `oline_rls_${i}`, merchant_id: id, customer_id: `cus_rls_${i}`, reason: "OTHER", currency_code: "eur" })
        await marketplace.createDisputeMessages({ dispute_id: dispute.id, author_type: "buyer", author_id: `cus_rls_${i}`, body: `complaint ${i}` })
        const line = await orderLines.createOrderLines({ order_id: order, line_item_id: `li_rls_${i}`, kind: "PHYSICAL", merchant_id: id, process_version: 1, state: "PAID",
          state_entered_at: new Date(), currency_code: "eur" })
        await orderLines.createOrderLineTransitions({ line_id: line.id, transition: "pay", from_state: "PENDING", to_state: "PAID", actor_type: "system" })
        const schedule = await booking.createSchedules({ merchant_id: id, product_id: `prod_rls_svc_${i}`, timezone: "UTC", rrule: "FREQ=DAILY" })
        await booking.createBookings({ schedule_id: schedule.id, merchant_id: id, product_id: `prod_rls_svc_${i}`, start_at: new Date(Date.now() + 86400e3),
          end_at: new Date(Date.now() + 90000e3), timezone: "UTC", seat: 0 })
        await booking.createCalendarFeeds({ merchant_id: id, token: `rls-feed-${i}` })
        await courses.createCourseLessons({ product_id: `prod_rls_course_${i}`, merchant_id: id, title: `lesson ${i}`, file_id: `file_${i}`, filename: "a.txt", mime_type: "text/plain" })
        await courses.createCoursePolicies({ product_id: `prod_rls_course_${i}`, merchant_id: id })
        await courses.createCourseGrants({ order_id: order, order_line_id: `oline_rls_${i}`, line_item_id: `li_rls_${i}`, customer_id: `cus_rls_${i}`, product_id: `prod_rls_course_${i}`,
          merchant_id: id, granted_at: new Date(), watermark_token: `wm_${i}`, buyer_email: `buyer-${i}@rls.test` })
        await vatDocumentsOfB(container, id, order, `rls-rows-${i}`)
      }

      // Whose each row is, worked out here as the owning role (independently of the policies).
      const parent = (table: string, fk: string, p: string, col = "merchant_id") => `(SELECT "${p}"."${col}" FROM "${p}" WHERE "${p}"."id" = "${table}"."${fk}")`
      const OWNER: Record<string, string> = {
        merchant: `"id"`, tax_invoice: `"supplier_id"`, credit_note: `"supplier_id"`,
        dispute_message: parent("dispute_message", "dispute_id", "dispute"),
        order_line_transition: parent("order_line_transition", "line_id", "order_line"),
        tax_invoice_line: parent("tax_invoice_line", "invoice_id", "tax_invoice", "supplier_id"),
        credit_note_line: parent("credit_note_line", "credit_note_id", "credit_note", "supplier_id"),
      }
      const tables = [...MARKETPLACE_RLS_TABLES, ...ORDER_LINES_RLS_TABLES, ...BOOKING_RLS_TABLES, ...COURSE_ACCESS_RLS_TABLES, ...VAT_AE_RLS_TABLES]
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const idsOf = async (table: string, merchantId: string) =>
        (await pg.raw(`SELECT "id" FROM "${table}" WHERE ${OWNER[table] ?? `"merchant_id"`} = ? ORDER BY 1`, [merchantId])).rows.map((r: any) => r.id)
      // Runs as the merchant role (scoped or not) in a transaction that is always rolled back.
      const ROLLBACK = new Error("rollback")
      const asRole = async <T>(merchantId: string | null, work: (trx: any) => Promise<T>): Promise<T> => {
        let out: T
        await pg.transaction(async (trx: any) => {
          await trx.raw(`SET LOCAL ROLE ${MERCHANT_RLS_ROLE}`)
          if (merchantId) await trx.raw(`SELECT set_config('app.merchant_id', ?, true)`, [merchantId])
          out = await work(trx)
          throw ROLLBACK
        }).catch((e: unknown) => { if (e !== ROLLBACK) throw e })
        return out!
      }
      const refusal = (p: Promise<unknown>) => p.then(() => "allowed", (e: any) =>
        /row-level security/.test(e.message) ? "rls" : /permission denied/.test(e.message) ? "denied" : e.message)

      // Rows touched by an UPDATE / DELETE as A, or why the statement was refused.
      const rowsTouched = (sql: string, ids: string[]) => asRole(aId, async (trx) => (await trx.raw(`${sql} WHERE "id" = ANY(?::text[])`, [ids])).rowCount)
        .catch((e: any) => (/permission denied/.test(e.message) ? "denied" : e.message))

      const seen: Record<string, unknown> = {}
      for (const { table, privileges } of tables) {
        const [aRows, bRows] = [await idsOf(table, aId), await idsOf(table, bId)]
        const [bRow] = (await pg.raw(`SELECT row_to_json(t) AS row FROM "${table}" t WHERE "id" = ?`, [bRows[0]])).rows
        const copyOfB = JSON.stringify({ ...bRow?.row, id: `${bRow?.row.id}_copy` })
        const may = (p: string) => privileges.includes(p as any)
        seen[table] = {
          setup: [aRows.length > 0, bRows.length > 0],
          unscoped: await asRole(null, async (trx) => Number((await trx.raw(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)),
          scopedA: await asRole(aId, async (trx) => (await trx.raw(`SELECT "id" FROM "${table}" ORDER BY 1`)).rows.map((r: any) => r.id)),
          // B's rows: an update or delete touches none; a copy of B's row under a new id is refused.
          updateB: await rowsTouched(`UPDATE "${table}" SET "updated_at" = now()`, bRows),
          deleteB: await rowsTouched(`DELETE FROM "${table}"`, bRows),
          insertB: await refusal(asRole(aId, (trx) => trx.raw(`INSERT INTO "${table}" SELECT * FROM json_populate_record(NULL::"${table}", ?::json)`, [copyOfB]))),
          // The control: A's own rows can be changed wherever the role may change rows at all.
          updateA: await rowsTouched(`UPDATE "${table}" SET "updated_at" = now()`, aRows),
        }
        expect({ table, ...(seen[table] as any) }).toEqual({
          table, setup: [true, true], unscoped: 0, scopedA: aRows,
          updateB: may("UPDATE") ? 0 : "denied", deleteB: may("DELETE") ? 0 : "denied", insertB: may("INSERT") ? "rls" : "denied",
          updateA: may("UPDATE") ? aRows.length : "denied",
        })
      }
      expect(Object.keys(seen).sort()).toEqual(["booking", "booking_calendar_feed", "booking_schedule", "commission_rule", "course_grant", "course_lesson", "course_policy",
        "credit_note", "credit_note_line", "dispute", "dispute_message", "merchant", "merchant_invite", "merchant_user", "order_line", "order_line_transition",
        "order_split", "split_line", "tax_invoice", "tax_invoice_line"])

      // No table naming a merchant is left out unnoticed: each is under row-level security or exempt for a stated reason.
      const EXEMPT: Record<string, string> = {
        marketplace_merchant_order_order: "Medusa link table, read through Query (which cannot take the role)",
        marketplace_merchant_product_product: "Medusa link table, read through Query (which cannot take the role)",
        marketplace_merchant_stock_location_stock_location: "Medusa link table, read through Query (which cannot take the role)",
        search_document: "the public catalogue's search index, read by the store",
        vat_document_sequence: "invoice numbering counter, only the platform's issuing workflow touches it",
      }
      const naming: string[] = (await pg.raw(`SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name IN ('merchant_id', 'supplier_id') ORDER BY 1`)).rows.map((r: any) => r.table_name)
      const secured: string[] = (await pg.raw(`SELECT relname FROM pg_class WHERE relrowsecurity AND relnamespace = current_schema()::regnamespace`)).rows.map((r: any) => r.relname)
      expect(naming.filter((t) => !secured.includes(t) && !EXEMPT[t])).toEqual([])
      expect(secured).toEqual(expect.arrayContaining([...MERCHANT_RLS_TABLES, ...Object.keys(seen)]))

      // The routes that now read under the role still answer the merchant's own rows.
      const scopedRoutes = {
        lines: (await api.get("/merchant/lines", merchants[0].owner)).data.lines.map((l: any) => l.id),
        schedules: (await api.get("/merchant/schedules", merchants[0].owner)).data.schedules.map((s: any) => s.merchant_id),
        staff: (await api.get("/merchant/staff", merchants[0].owner)).data.staff.length,
        disputes: (await api.get("/merchant/disputes", merchants[0].owner)).data.disputes.map((d: any) => d.merchant_id),
        tax_invoices: (await api.get("/merchant/tax-invoices", merchants[0].owner)).data.tax_invoices.length,
      }
      expect(scopedRoutes).toEqual({ lines: await idsOf("order_line", aId), schedules: [aId], staff: 1, disputes: [aId], tax_invoices: 1 })
      const disputeId = (await idsOf("dispute", aId))[0]
      expect((await api.get(`/merchant/disputes/${disputeId}`, merchants[0].owner)).data.dispute.messages.map((m: any) => m.body)).toEqual(["complaint 0"])
      // And the owning role (admin, jobs) still sees both merchants' rows.
      expect((await orderLines.listOrderLines({ merchant_id: [aId, bId] })).length).toBe(2)
    })

    it("never lets merchant A read or change merchant B's data through any merchant route", async () => {
      const admin = await adminHeaders(getContainer(), api)
      const A = await approvedMerchant(api, admin, "merchant-a")
      const B = await approvedMerchant(api, admin, "merchant-b")
      const aProduct = (await api.post("/merchant/products", productBody("A mug"), A.owner)).data.product
      const bProduct = (await api.post("/merchant/products", productBody("B secret mug"), B.owner)).data.product
      const bVariant = bProduct.variants[0].id
      await api.post(`/merchant/products/${bProduct.id}/variants/${bVariant}/inventory`, { stocked_quantity: 7 }, B.owner)
      const bService = (await api.post("/merchant/products", productBody("B secret session", { kind: "SERVICE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 50 }] }] }), B.owner)).data.product
      const order = await placeOrder(getContainer(), [{ variant_id: bService.variants[0].id, title: "B secret session", unit_price: 50 }])
      const aService = (await api.post("/merchant/products", productBody("A session", { kind: "SERVICE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 20 }] }] }), A.owner)).data.product
      const mixed = await placeOrder(getContainer(), [
        { variant_id: aService.variants[0].id, title: "A session", unit_price: 20 },
        { variant_id: bService.variants[0].id, title: "B secret session", unit_price: 50 },
      ])
      const bLine = (await api.get(`/merchant/orders/${order.id}/lines`, B.owner)).data.lines[0]
      const bMixedLine = (await api.get(`/merchant/orders/${mixed.id}/lines`, B.owner)).data.lines[0]
      const invite = await api.post("/merchant/invites", { email: "new@merchant-b.test" }, B.owner)
      // A member of B's team (FULFILMENT), whose role A must not be able to change.
      const memberInvite = await api.post("/merchant/invites", { email: "packer@merchant-b.test", role: "FULFILMENT" }, B.owner)
      const memberReg = await api.post("/auth/merchant/emailpass/register", { email: "packer@merchant-b.test", password: "merchant-pass-123" })
      const bMember = (await api.post("/merchant/invites/accept", { token: memberInvite.data.token }, bearer(memberReg.data.token))).data.merchant_user.id
      // B's own money matters: a commission rule, and a buyer's dispute on its line.
      const marketplace: any = getContainer().resolve(MARKETPLACE_MODULE)
      await marketplace.createCommissionRules({ merchant_id: B.merchant.id, rate_bps: 700, note: "B secret rule" })
      const bDispute = await marketplace.createDisputes({ order_id: order.id, order_line_id: bLine.id, merchant_id: B.merchant.id, customer_id: "cus_b", reason: "OTHER", currency_code: "eur" })
      await marketplace.createDisputeMessages({ dispute_id: bDispute.id, author_type: "buyer", author_id: "cus_b", body: "B secret complaint" })
      const bVat = await vatDocumentsOfB(getContainer(), B.merchant.id, order.id)
      const courseBody = (title: string) => productBody(title, { kind: "COURSE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 30 }] }] })
      const bCourse = (await api.post("/merchant/products", courseBody("B secret course"), B.owner)).data.product
      const aCourse = (await api.post("/merchant/products", courseBody("A course"), A.owner)).data.product
      const bLesson = (await api.post(`/merchant/courses/${bCourse.id}/lessons`, { kind: "file", title: "B secret lesson", filename: "notes.txt",
        mime_type: "text/plain", content_base64: Buffer.from("B secret notes").toString("base64") }, B.owner)).data.lesson

      // B's booking calendar: a schedule on its service and a booked slot of the B-only order's line.
      const bSchedule = (await api.post("/merchant/schedules", { product_id: bService.id, timezone: "Asia/Dubai",
        rrule: "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", slot_minutes: 60, min_notice_minutes: 0 }, B.owner)).data.schedule
      const bookings = getContainer().resolve("booking") as any
      const slotStart = new Date(Date.now() + 2 * 24 * 3600 * 1000)
      const held = await bookings.holdSeat({ schedule_id: bSchedule.id, start_at: slotStart, end_at: new Date(slotStart.getTime() + 3600 * 1000),
        timezone: "Asia/Dubai", capacity: 1, product_id: bService.id, variant_id: bService.variants[0].id, merchant_id: B.merchant.id, ttl_ms: 60_000 })
      await bookings.confirmHold({ id: held.id, order_id: order.id, line_item_id: bLine.line_item_id })
      await api.get("/merchant/calendar-feed", B.owner)
      // B's delivery: a zone in a country of a platform region, with a priced option.
      await api.post("/admin/regions", { name: "Isolation NL", currency_code: "eur", countries: ["nl"] }, admin)
      const bZone = (await api.post("/merchant/shipping/zones", { name: "B secret zone", countries: ["nl"] }, B.owner)).data.zone
      const bShipping = (await api.post("/merchant/shipping/options", { zone_id: bZone.id, name: "B secret parcel", prices: [{ currency_code: "eur", amount: 500 }] }, B.owner)).data.shipping_option


      const world: World = {
        api, a: A.owner, b: B.owner,
        aIds: { product: aProduct.id, variant: aProduct.variants[0].id, mixedOrder: mixed.id, course: aCourse.id, service: aService.id },
        bIds: { merchant: B.merchant.id, product: bProduct.id, variant: bVariant, order: order.id, inviteToken: invite.data.token,
          line: bLine.id, mixedLine: bMixedLine.id, dispute: bDispute.id, invoice: bVat.invoice, creditNote: bVat.creditNote, course: bCourse.id, lesson: bLesson.id,
          service: bService.id, schedule: bSchedule.id, booking: held.id, option: bProduct.options[0].id, member: bMember,
          zone: bZone.id, shippingOption: bShipping.id },
      }
      const snapshotOfB = async () => ({
        me: (await api.get("/merchant/me", B.owner)).data,
        products: (await api.get("/merchant/products", B.owner)).data,
        staff: (await api.get("/merchant/staff", B.owner)).data,
        invites: (await api.get("/merchant/invites", B.owner)).data,
        orders: (await api.get("/merchant/orders", B.owner)).data,
        lines: (await api.get(`/merchant/orders/${order.id}/lines`, B.owner)).data,
        mixedLines: (await api.get(`/merchant/orders/${mixed.id}/lines`, B.owner)).data,
        disputes: (await api.get(`/merchant/disputes/${bDispute.id}`, B.owner)).data,
        taxInvoices: (await api.get("/merchant/tax-invoices", B.owner)).data,
        course: (await api.get(`/merchant/courses/${bCourse.id}`, B.owner)).data,
        stock: (await api.get(`/admin/products/${bProduct.id}?fields=variants.inventory_items.inventory.location_levels.stocked_quantity`, admin)).data,
        schedules: (await api.get("/merchant/schedules", B.owner)).data,
        bookings: (await api.get("/merchant/bookings", B.owner)).data.bookings,
        feed: (await api.get("/merchant/calendar-feed", B.owner)).data,
        shipping: (await api.get("/merchant/shipping", B.owner)).data,
      })
      const before = await snapshotOfB()
      // A 404 may echo the id the attacker sent; it must never carry B's data (titles) or,
      // in a list, any of B's ids.
      const bIds = [bProduct.id, bVariant, order.id, B.merchant.id, bLine.id, bMixedLine.id, bDispute.id, bVat.invoice, bVat.creditNote, bCourse.id, bLesson.id,
        bService.id, bSchedule.id, held.id, before.feed.calendar_feed.token, bProduct.options[0].id, bMember, bZone.id, bShipping.id]

      const failures: string[] = []
      for (const [route, attack] of Object.entries(ATTACKS)) {
        for (const { label, res, mayListOwnOnly } of await attack(world)) {
          const body = JSON.stringify(res.data ?? "")
          const leaked = [...(mayListOwnOnly ? bIds : []), "B secret"].filter((s) => body.includes(s))
          const refused = res.status === 403 || res.status === 404
          if (mayListOwnOnly ? !(refused || (res.status === 200 && !leaked.length)) : !refused || leaked.length) {
            failures.push(`${route} (${label}) → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
          }
        }
      }
      // Merchant staff are not admin users: the admin API refuses their token outright.
      for (const url of ["/admin/products", "/admin/merchants", `/admin/products/${bProduct.id}`, "/admin/orders"]) {
        const res = await call(api.get(url, A.owner))
        if (res.status !== 401) failures.push(`GET ${url} with a merchant token → ${res.status}`)
      }

      // Control: the same routes do work for the resources' owner, so the refusals above are scoping.
      expect((await api.get(`/merchant/products/${bProduct.id}`, B.owner)).data.product.title).toBe("B secret mug")
      expect((await api.get(`/merchant/orders/${order.id}`, B.owner)).data.order.items).toHaveLength(1)
      expect(JSON.stringify(before.stock)).toContain('"stocked_quantity":7')
      expect((await api.get(`/merchant/tax-invoices/${bVat.invoice}`, B.owner)).data.tax_invoice.supplier.name).toBe("B secret supplier")
      expect((await api.get(`/merchant/credit-notes/${bVat.creditNote}`, B.owner)).data.credit_note.reason).toBe("B secret reason")

      expect(failures).toEqual([])
      expect(await snapshotOfB()).toEqual(before)
      expect(before.products.products.map((p: any) => p.title).sort()).toEqual(["B secret course", "B secret mug", "B secret session"])
      // Control for the booking routes: B really has a schedule and a booking to protect.
      expect(before.schedules.schedules.map((s: any) => s.id)).toEqual([bSchedule.id])
      expect(before.bookings.map((b: any) => [b.id, b.title])).toEqual([[held.id, "B secret session"]])
      // Control for the delivery routes: B really has a zone and an option to protect.
      expect(before.shipping.zones.map((z: any) => [z.id, z.options.map((o: any) => [o.id, o.prices])])).toEqual([[bZone.id, [[bShipping.id, [{ currency_code: "eur", amount: 500 }]]]]])
      // Control for the line routes: the owner's own move goes through.
      const own = await api.post(`/merchant/orders/${order.id}/lines/${bLine.id}/transitions`, { to: "CANCELLED", reason: "control" }, B.owner)
      expect(own.data.line.state).toBe("CANCELLED")
    })
  },
})
