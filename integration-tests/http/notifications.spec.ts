import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { startMailCatcher, type CaughtMessage } from "../../src/modules/notification-center/mail-catcher"
import { NOTIFICATION_CENTER_MODULE } from "../../src/modules/notification-center"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import { hashInviteToken } from "../../src/modules/marketplace/invite-token"
import { retryDueDeliveries } from "../../src/workflows/notifications/retry"
import { sendDueBookingReminders } from "../../src/workflows/notifications/booking-reminders"
import { notifyOrderPlacedWorkflow } from "../../src/workflows/notifications/builders/order-placed"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { adminProduct, approvedMerchant, type Headers } from "../helpers/merchants"
import { startTelegramContractServer } from "../helpers/telegram-contract-server"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_notify_test"
const BOT_TOKEN = "4242:notify-test-token"
const HOOK_SECRET = "tg-hook-secret-notify-test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
let mail: Awaited<ReturnType<typeof startMailCatcher>>
let tg: Awaited<ReturnType<typeof startTelegramContractServer>>

beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_notify_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  mail = await startMailCatcher()
  tg = await startTelegramContractServer({ token: BOT_TOKEN })
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_notify_test",
    SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.smtpPort), SMTP_FROM: "Snail <no-reply@snail.test>", SMTP_TIMEOUT_MS: "3000",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_URL: tg.url, TELEGRAM_BOT_USERNAME: "snail_test_bot", TELEGRAM_WEBHOOK_SECRET: HOOK_SECRET,
    TELEGRAM_MAX_INLINE_WAIT_MS: "2000",
    NOTIFY_MAX_ATTEMPTS: "3", NOTIFY_BACKOFF_MS: "200", STOREFRONT_URL: "http://store.test",
  })
})
afterAll(async () => {
  await psp?.close()
  await mail?.close()
  await tg?.close()
})

const to = (email: string) => (m: CaughtMessage) => m.to.includes(email)
const linkIn = (html: string, prefix: string) => {
  const m = new RegExp(`href="(${prefix.replace(/[.?]/g, "\\$&")}[^"]+)"`).exec(html)
  return m ? m[1].replace(/&amp;/g, "&") : null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    beforeEach(() => mail.clear())

    const center = () => getContainer().resolve(NOTIFICATION_CENTER_MODULE) as any
    // What the log's table holds, read with plain SQL (not through the service).
    const storedRow = async (id: string) => (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      .raw(`SELECT "content"::text AS "content", "sealed_content", "reissue" FROM "notification_delivery" WHERE "id" = ?`, [id])).rows[0]

    async function shop() {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const goods = await approvedMerchant(api, admin, "snail-goods-notify")
      const academy = await approvedMerchant(api, admin, "slow-academy-notify")
      const eu = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const ru = (await api.post("/admin/regions", { name: "RU (EUR)", currency_code: "eur", countries: ["ru"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const lamp = await adminProduct(api, admin, { title: "Snail lamp", amount: 25, salesChannelId, merchantId: goods.merchant.id, kind: "PHYSICAL" })
      const course = await adminProduct(api, admin, { title: "Slow breathing", amount: 40, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      return { admin, store, pk, goods, academy, eu, ru, lamp, course, salesChannelId }
    }

    async function checkout(h: Headers, body: Record<string, unknown>, variantIds: string[]) {
      const cart = (await api.post("/store/carts", body, h)).data.cart
      for (const v of variantIds) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v, quantity: 1 }, h)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, h)
      const placed = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(placed.data.type).toBe("order")
      return placed.data.order
    }

    async function customer(pk: string, email: string, metadata?: Record<string, unknown>): Promise<Headers & { id: string }> {
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      const created = await api.post("/store/customers", { email, first_name: "Bea", last_name: "Buyer", ...(metadata ? { metadata } : {}) },
        { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      return { id: created.data.customer.id, headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
    }

    it("emails a guest's order in their language with a working signed link, the merchants and the admin; ship, refund, reset; a redelivered event sends once", async () => {
      const { admin, store, pk, goods, academy, eu, ru, lamp, course } = await shop()

      // Platform staff heard of each application (the admin user exists before the merchants apply).
      const applied = await mail.waitFor((m) => to("admin@test.local")(m) && m.subject.includes("slow academy notify"))
      expect(applied.subject).toBe("New merchant application: slow academy notify")
      expect(applied.text).toContain("Country: Germany")

      // A guest in Germany (English) buys the lamp and the course: 25 + 40 = 65 EUR.
      const order = await checkout(store, { region_id: eu.id, email: "guest@buyer.test" }, [lamp.variants[0].id, course.variants[0].id])
      const confirmation = await mail.waitFor((m) => to("guest@buyer.test")(m) && m.subject.startsWith("Order #"))
      expect(confirmation.subject).toBe(`Order #${order.display_id} is placed`)
      expect(confirmation.from).toContain("no-reply@snail.test")
      expect(confirmation.html).toContain('dir="ltr"')
      expect(confirmation.text).toMatch(/Snail lamp × 1: €25\.00/)
      expect(confirmation.text).toMatch(/Total: €65\.00/)
      // The signed link opens the order for a guest (no sign-in); a tampered one does not.
      const link = linkIn(confirmation.html!, `http://store.test/orders/${order.id}?token=`)
      expect(link).not.toBeNull()
      const token = new URL(link!).searchParams.get("token")!
      const seen = await api.get(`/store/orders/${order.id}?token=${encodeURIComponent(token)}`, { headers: { "x-publishable-api-key": pk } })
      expect(seen.data.order.id).toBe(order.id)
      expect((await failing(api.get(`/store/orders/${order.id}?token=${encodeURIComponent(token.slice(0, -2) + "xx")}`, { headers: { "x-publishable-api-key": pk } }))).status).toBeGreaterThanOrEqual(400)

      // Each merchant gets only its own lines.
      const goodsMail = await mail.waitFor((m) => to(goods.email)(m) && m.subject.startsWith("New order"))
      expect(goodsMail.text).toContain("Snail lamp × 1")
      expect(goodsMail.text).not.toContain("Slow breathing")
      const academyMail = await mail.waitFor((m) => to(academy.email)(m) && m.subject.startsWith("New order"))
      expect(academyMail.text).toContain("Slow breathing × 1: €40.00")
      // The paid course is granted by its own subscriber: the buyer gets the player link.
      const courseMail = await mail.waitFor((m) => to("guest@buyer.test")(m) && m.subject.startsWith("Your course is open"))
      expect(courseMail.text).toContain("http://store.test/account/courses?course=")

      // order.placed delivered twice more: nothing is sent twice (the unique delivery row holds). Twice through the
      // bus, as a redelivery arrives, and twice through the subscriber's workflow awaited to its end, so the
      // check below runs after those runs have finished rather than after a guessed pause.
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit({ name: "order.placed", data: { id: order.id } })
      await bus.emit({ name: "order.placed", data: { id: order.id } })
      await Promise.all([1, 2].map(() => notifyOrderPlacedWorkflow(getContainer()).run({ input: { order_id: order.id } })))
      await drainEventBus(getContainer())
      await new Promise((r) => setTimeout(r, 1500))
      expect(mail.messages().filter((m) => to("guest@buyer.test")(m) && m.subject.startsWith("Order #"))).toHaveLength(1)
      expect(mail.messages().filter((m) => to(goods.email)(m) && m.subject.startsWith("New order"))).toHaveLength(1)
      const rows = await center().listNotificationDeliveries({ event_id: `order.placed:${order.id}` })
      expect(rows.map((r: any) => [r.template, r.status]).sort()).toEqual([
        ["merchant-new-order-lines", "SENT"], ["merchant-new-order-lines", "SENT"], ["order-placed", "SENT"],
      ])

      // The merchant ships the lamp with DHL: the buyer gets the carrier, number and tracking link.
      const lines = (await api.get(`/merchant/orders/${order.id}/lines`, goods.owner)).data.lines
      const lampLine = lines.find((l: any) => l.kind === "PHYSICAL")
      await api.post(`/merchant/orders/${order.id}/lines/${lampLine.id}/transitions`, { to: "FULFILLING" }, goods.owner)
      await api.post(`/merchant/orders/${order.id}/lines/${lampLine.id}/transitions`, { to: "SHIPPED", carrier: "DHL", tracking_number: "JD0042" }, goods.owner)
      const shipped = await mail.waitFor((m) => to("guest@buyer.test")(m) && m.subject === "Shipped: Snail lamp")
      expect(shipped.text).toContain("Carrier: DHL")
      expect(shipped.text).toContain("Tracking number: JD0042")
      expect(shipped.html).toContain("tracking-id=JD0042")

      // A partial refund of 7.50 EUR (750 minor units) is announced with its amount.
      await api.post(`/merchant/orders/${order.id}/lines/${lampLine.id}/refunds`, { amount: 7.5, reason: "scratched shade" }, goods.owner)
      const refund = await mail.waitFor((m) => to("guest@buyer.test")(m) && m.subject.startsWith("Refund"))
      expect(refund.subject).toBe(`Refund for order #${order.display_id}`)
      expect(refund.text).toContain("We refunded €7.50 for Snail lamp.")

      // A guest in Russia (by the shipping country) reads Russian, money in the Russian format.
      const ruOrder = await checkout(store, { region_id: ru.id, email: "ivan@buyer.test",
        shipping_address: { first_name: "Ivan", last_name: "P", address_1: "Tverskaya 1", city: "Moscow", postal_code: "125009", country_code: "ru" } }, [lamp.variants[0].id])
      const ruMail = await mail.waitFor((m) => to("ivan@buyer.test")(m) && m.subject.startsWith("Заказ"))
      expect(ruMail.subject).toBe(`Заказ №${ruOrder.display_id} оформлен`)
      expect(ruMail.text).toMatch(/Итого: 25,00\s€/)
      expect(ruMail.html).toContain('lang="ru"')

      // The language the buyer shopped in, stored on the cart by the storefront's checkout (metadata.locale,
      // copied to the order), beats the shipping country: Arabic for a guest in Germany.
      await checkout(store, { region_id: eu.id, email: "rania@buyer.test", metadata: { locale: "ar" } }, [lamp.variants[0].id])
      const arMail = await mail.waitFor(to("rania@buyer.test"))
      expect(arMail.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/)

      // Password reset through Medusa's own route, for a customer who shops in Arabic: RTL email, storefront link.
      await customer(pk, "layla@buyer.test", { locale: "ar" })
      await api.post("/auth/customer/emailpass/reset-password", { identifier: "layla@buyer.test" })
      const reset = await mail.waitFor((m) => to("layla@buyer.test")(m) && m.subject === "إعادة تعيين كلمة المرور")
      expect(reset.subject).toBe("إعادة تعيين كلمة المرور")
      expect(reset.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/)
      const resetLink = linkIn(reset.html!, "http://store.test/reset-password?token=")
      expect(new URL(resetLink!).searchParams.get("email")).toBe("layla@buyer.test")
      // The token in the link is Medusa's: it resets the password.
      const resetToken = new URL(resetLink!).searchParams.get("token")!
      await api.post("/auth/customer/emailpass/update", { password: "new-pass-123456" }, { headers: { authorization: `Bearer ${resetToken}` } })
      expect((await api.post("/auth/customer/emailpass", { email: "layla@buyer.test", password: "new-pass-123456" })).data.token).toBeTruthy()

      // The log keeps no live token: the admin sees the link as [redacted], the table holds neither the
      // token nor (once sent) the sealed copy; Resend asks Medusa for a new token instead of replaying it.
      const resetRow = await waitFor(async () => (await api.get(`/admin/notifications/deliveries?recipient=layla@buyer.test&notification_type=PASSWORD_RESET`, admin)).data.deliveries[0],
        (r: any) => r?.status === "SENT")
      const shownReset = (await api.get(`/admin/notifications/deliveries/${resetRow.id}`, admin)).data.delivery
      expect(shownReset.html).toContain("reset-password?token=[redacted]")
      expect(JSON.stringify(shownReset)).not.toContain(resetToken)
      expect(shownReset.sealed_content).toBeUndefined()
      const storedReset = await storedRow(resetRow.id)
      expect(storedReset.content).not.toContain(resetToken)
      expect(storedReset.sealed_content).toBeNull()
      expect(storedReset.reissue).toEqual({ kind: "password_reset", actor_type: "customer", email: "layla@buyer.test" })
      await new Promise((r) => setTimeout(r, 1100)) // Medusa's reset JWT names its issue time in whole seconds
      mail.clear()
      const reissued = await api.post(`/admin/notifications/deliveries/${resetRow.id}/resend`, {}, admin)
      expect([reissued.status, reissued.data.reissued]).toEqual([202, true])
      const again = await mail.waitFor((m) => to("layla@buyer.test")(m) && m.subject === "إعادة تعيين كلمة المرور")
      const newToken = new URL(linkIn(again.html!, "http://store.test/reset-password?token=")!).searchParams.get("token")!
      expect(newToken).not.toBe(resetToken)
      await api.post("/auth/customer/emailpass/update", { password: "newer-pass-654321" }, { headers: { authorization: `Bearer ${newToken}` } })
      expect((await api.post("/auth/customer/emailpass", { email: "layla@buyer.test", password: "newer-pass-654321" })).data.token).toBeTruthy()

      // The admin log filters by recipient and shows every attempt.
      const log = (await api.get(`/admin/notifications/deliveries?recipient=guest@buyer&status=SENT`, admin)).data
      expect(log.deliveries.map((d: any) => d.template).sort()).toEqual(["course-access-granted", "line-shipped", "order-placed", "refund-issued"])
      const one = (await api.get(`/admin/notifications/deliveries/${log.deliveries[0].id}`, admin)).data
      expect(one.attempts).toEqual([expect.objectContaining({ attempt: 1, status: "SENT" })])
      const preview = (await api.get(`/admin/notifications/templates/booking-confirmed/preview?locale=ar`, admin)).data
      expect(preview.html).toContain('dir="rtl"')
      expect(preview.attachments).toEqual([expect.objectContaining({ filename: "booking.ics" })])
    })

    it("SMTP down: the order is placed, the email retries with backoff, then FAILED; Resend sends it once the relay is back", async () => {
      const { admin, store, pk, eu, lamp } = await shop()
      mail.refuse = true
      const order = await checkout(store, { region_id: eu.id, email: "down@buyer.test" }, [lamp.variants[0].id])
      expect(order.id).toMatch(/^order_/)
      const eventId = `order.placed:${order.id}`
      const buyerRow = async () => (await center().listNotificationDeliveries({ event_id: eventId, template: "order-placed" }))[0]
      const first = await waitFor(buyerRow, (r: any) => r?.attempts === 1)
      expect(first).toEqual(expect.objectContaining({ status: "RETRYING", recipient: "down@buyer.test", locale: "en" }))
      expect(first.last_error).toMatch(/421/)

      // The retry job (its pass run here) takes it up after each backoff: 200 ms, then 400 ms.
      const failed = await waitFor(async () => { await retryDueDeliveries(getContainer()); return buyerRow() }, (r: any) => r.status === "FAILED", 15000)
      expect(failed.attempts).toBe(3)
      const attempts = await center().listNotificationAttempts({ delivery_id: failed.id }, { order: { attempt: "ASC" } })
      expect(attempts.map((a: any) => [a.attempt, a.status])).toEqual([[1, "FAILED"], [2, "FAILED"], [3, "FAILED"]])
      const gaps = [1, 2].map((i) => new Date(attempts[i].created_at).getTime() - new Date(attempts[i - 1].created_at).getTime())
      expect(gaps[0]).toBeGreaterThanOrEqual(200)
      expect(gaps[1]).toBeGreaterThanOrEqual(400)
      expect(mail.messages().filter(to("down@buyer.test"))).toHaveLength(0)
      // Nothing else broke: the order is there with its lines.
      expect((await api.get(`/admin/orders/${order.id}/lines`, admin)).data.lines).toHaveLength(1)

      // A message with a one-time link that cannot go out yet keeps it sealed for its retries only.
      await customer(pk, "locked@buyer.test")
      await api.post("/auth/customer/emailpass/reset-password", { identifier: "locked@buyer.test" })
      const resetRow = async () => (await center().listNotificationDeliveries({ recipient: "locked@buyer.test", template: "password-reset" }))[0]
      const pendingReset = await waitFor(resetRow, (r: any) => r?.attempts === 1)
      expect(pendingReset.status).toBe("RETRYING")
      const sealedWhileRetrying = await storedRow(pendingReset.id)
      expect(sealedWhileRetrying.content).toContain("reset-password?token=[redacted]")
      expect(sealedWhileRetrying.sealed_content).toMatch(/^enc:v1:dev:/)
      expect(sealedWhileRetrying.sealed_content).not.toContain("token=")

      mail.refuse = false
      // The retry sends the real link (from the sealed copy) and then forgets it.
      await waitFor(async () => { await retryDueDeliveries(getContainer()); return resetRow() }, (r: any) => r.status === "SENT", 15000)
      const retried = await mail.waitFor((m) => to("locked@buyer.test")(m) && m.subject === "Reset your password")
      const retriedToken = new URL(linkIn(retried.html!, "http://store.test/reset-password?token=")!).searchParams.get("token")!
      expect(retriedToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
      expect((await storedRow(pendingReset.id)).sealed_content).toBeNull()

      const resent = (await api.post(`/admin/notifications/deliveries/${failed.id}/resend`, {}, admin)).data
      expect(resent.delivery).toEqual(expect.objectContaining({ status: "SENT", attempts: 4 }))
      await mail.waitFor(to("down@buyer.test"))
      expect((await failing(api.post(`/admin/notifications/deliveries/ndel_unknown/resend`, {}, admin))).status).toBe(404)
    })

    it("Telegram: a one-time start link binds the chat, messages follow; blocked bots fail for good; preferences guard transactional types", async () => {
      const { store, pk, goods, eu, lamp } = await shop()
      const bea = await customer(pk, "bea@buyer.test")
      // Registration e-mails the one-time verification link (storefront page → POST /auth/verify-email); the log has it redacted.
      const verify = await mail.waitFor((m) => to("bea@buyer.test")(m) && m.subject === "Confirm your e-mail address")
      const verifyToken = new URL(linkIn(verify.html!, "http://store.test/verify-email?token=")!).searchParams.get("token")!
      const [verifyRow] = await center().listNotificationDeliveries({ recipient: "bea@buyer.test", template: "email-verification" })
      expect((await storedRow(verifyRow.id)).content).not.toContain(verifyToken)
      await api.post("/auth/verify-email", { token: verifyToken })
      expect((await api.get("/store/customers/me/email-verification", bea)).data.email_verified).toBe(true)
      const link = (await api.post("/store/me/telegram-link", {}, bea)).data.url
      const startToken = new URL(link).searchParams.get("start")!
      expect(link).toBe(`https://t.me/snail_test_bot?start=${startToken}`)
      // A wrong webhook secret is 404; the right one binds the chat once.
      expect((await failing(api.post(`/hooks/telegram/wrong-secret`, { message: { text: `/start ${startToken}`, chat: { id: 777 } } }))).status).toBe(404)
      await api.post(`/hooks/telegram/${HOOK_SECRET}`, { update_id: 1, message: { text: `/start ${startToken}`, chat: { id: 777 } } })
      await api.post(`/hooks/telegram/${HOOK_SECRET}`, { update_id: 2, message: { text: `/start ${startToken}`, chat: { id: 666 } } })
      expect(await center().telegramChatOf({ type: "customer", id: bea.id })).toBe("777")
      expect((await api.get("/store/me/notification-preferences", bea)).data.telegram_linked).toBe(true)

      // The signed-in buyer's order: the same confirmation by email and on Telegram (after a short 429).
      tg.rateLimitNext(1)
      const order = await checkout(bea, { region_id: eu.id }, [lamp.variants[0].id])
      const message = await waitFor(async () => tg.sent.find((s) => s.chat_id === "777"), (s) => !!s)
      expect(message!.text).toContain(`Order #${order.display_id} is placed`)
      await mail.waitFor((m) => to("bea@buyer.test")(m) && m.subject.startsWith("Order #"))

      // Bea blocks the bot: the next message fails at once (403 is permanent), with one attempt.
      tg.block("777")
      const second = await checkout(bea, { region_id: eu.id }, [lamp.variants[0].id])
      const blocked = await waitFor(async () => (await center().listNotificationDeliveries({ event_id: `order.placed:${second.id}`, channel: "telegram" }))[0], (r: any) => r?.status === "FAILED")
      expect(blocked.attempts).toBe(1)
      expect(blocked.last_error).toContain("bot was blocked by the user")

      // Transactional types cannot be switched off; merchant notifications can, per channel.
      const refused = await failing(api.post("/store/me/notification-preferences", { preferences: [{ notification_type: "ORDER_PLACED", channel: "email", enabled: false }] }, bea))
      expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "NOTIFICATION_REQUIRED", field: "preferences.0.enabled" }) })
      const unknown = await failing(api.post("/store/me/notification-preferences", { preferences: [{ notification_type: "MERCHANT_NEW_ORDER_LINES", channel: "email", enabled: false }] }, bea))
      expect(unknown).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD" }) })
      const off = await api.post("/merchant/me/notification-preferences", { preferences: [{ notification_type: "MERCHANT_NEW_ORDER_LINES", channel: "email", enabled: false }] }, goods.owner)
      expect(off.data.preferences.find((p: any) => p.notification_type === "MERCHANT_NEW_ORDER_LINES" && p.channel === "email").enabled).toBe(false)
      mail.clear()
      const third = await checkout(store, { region_id: eu.id, email: "third@buyer.test" }, [lamp.variants[0].id])
      await mail.waitFor(to("third@buyer.test"))
      await new Promise((r) => setTimeout(r, 1000))
      expect(mail.messages().filter((m) => to(goods.email)(m) && m.subject.includes(`#${third.display_id} `))).toHaveLength(0)
      expect(await center().listNotificationDeliveries({ event_id: `order.placed:${third.id}`, template: "merchant-new-order-lines" })).toHaveLength(0)
    })
    it("Telegram for merchant staff: a member's one-time link binds their own chat; settings links follow the reader", async () => {
      const { admin, store, goods, academy, eu, lamp } = await shop()
      // Platform staff's switchable notice links to the admin, not to a buyer's account page.
      const applied = await mail.waitFor((m) => to("admin@test.local")(m) && m.subject.includes("snail goods notify"))
      expect(applied.html).toMatch(/href="http:\/\/[^"]+\/app\/notifications#my-notifications"/)
      expect(applied.html).not.toContain("/account?tab=notifications")
      // …where the admin's own choices are: platform notices can go off per channel, buyers' kinds are not theirs.
      const adminPrefs = (await api.get("/admin/users/me/notification-preferences", admin)).data.preferences
      expect(adminPrefs.filter((p: any) => p.notification_type === "ADMIN_MERCHANT_APPLIED").map((p: any) => [p.channel, p.enabled, p.transactional]))
        .toEqual([["email", true, false], ["telegram", true, false]])
      expect(adminPrefs.some((p: any) => p.notification_type === "ORDER_PLACED")).toBe(false)
      await api.post("/admin/users/me/notification-preferences", { preferences: [{ notification_type: "ADMIN_MERCHANT_APPLIED", channel: "email", enabled: false }] }, admin)
      expect((await failing(api.post("/admin/users/me/notification-preferences", { preferences: [{ notification_type: "ORDER_PLACED", channel: "email", enabled: false }] }, admin))).status).toBe(400)

      // The owner of Snail Goods links Telegram from the dashboard: the link is the member's own.
      const link = (await api.post("/merchant/me/telegram-link", {}, goods.owner)).data.url
      const startToken = new URL(link).searchParams.get("start")!
      expect(link).toBe(`https://t.me/snail_test_bot?start=${startToken}`)
      expect((await api.get("/merchant/me/notification-preferences", goods.owner)).data.telegram_linked).toBe(false)
      await api.post(`/hooks/telegram/${HOOK_SECRET}`, { update_id: 21, message: { text: `/start ${startToken}`, chat: { id: 888 } } })
      // Spent: the same token sent from another chat binds nothing.
      await api.post(`/hooks/telegram/${HOOK_SECRET}`, { update_id: 22, message: { text: `/start ${startToken}`, chat: { id: 999 } } })
      const member = (await api.get("/merchant/me", goods.owner)).data.merchant_user
      expect(await center().telegramChatOf({ type: "merchant_user", id: member.id })).toBe("888")
      expect((await api.get("/merchant/me/notification-preferences", goods.owner)).data.telegram_linked).toBe(true)
      // Another shop's owner is not linked by it.
      expect((await api.get("/merchant/me/notification-preferences", academy.owner)).data.telegram_linked).toBe(false)

      // A guest buys the lamp: the new-order notice reaches the member by e-mail and on Telegram;
      // the e-mail's settings link opens the dashboard's settings.
      const order = await checkout(store, { region_id: eu.id, email: "tg-guest@buyer.test" }, [lamp.variants[0].id])
      const message = await waitFor(async () => tg.sent.find((s) => s.chat_id === "888"), (s) => !!s)
      expect(message!.text).toContain(`New order #${order.display_id} for snail goods notify`)
      const email = await mail.waitFor((m) => to(goods.email)(m) && m.subject.startsWith(`New order #${order.display_id}`))
      expect(email.html).toContain('href="http://store.test/merchant/settings#notifications"')
      const buyerMail = await mail.waitFor((m) => to("tg-guest@buyer.test")(m) && m.subject.startsWith("Order #"))
      expect(buyerMail.html).not.toContain("/merchant/settings")

      // Telegram off for new orders (the member's choice): the next order reaches the chat no more.
      await api.post("/merchant/me/notification-preferences", { preferences: [{ notification_type: "MERCHANT_NEW_ORDER_LINES", channel: "telegram", enabled: false }] }, goods.owner)
      const next = await checkout(store, { region_id: eu.id, email: "tg-guest2@buyer.test" }, [lamp.variants[0].id])
      await mail.waitFor((m) => to(goods.email)(m) && m.subject.startsWith(`New order #${next.display_id}`))
      await drainEventBus(getContainer())
      expect(tg.sent.filter((s) => s.chat_id === "888" && s.text?.includes(`#${next.display_id} `))).toHaveLength(0)
      expect(tg.sent.filter((s) => s.chat_id === "999")).toHaveLength(0)

      // The admin switched application notices off by e-mail: the next application is only in the log.
      await approvedMerchant(api, admin, "late-applicant-notify")
      await drainEventBus(getContainer())
      expect(await center().listNotificationDeliveries({ recipient: "admin@test.local", template: "admin-merchant-applied", channel: "email" })).toHaveLength(2)
      expect(mail.messages().filter((m) => to("admin@test.local")(m) && m.subject.includes("late applicant notify"))).toHaveLength(0)
    })
    it("bookings: confirmed with an .ics in the schedule's zone and the merchant told; the reminder job sends once; cancelled with fee and refund", async () => {
      const { admin, store, pk, goods, eu, salesChannelId } = await shop()
      // The platform's decision reaches the merchant's owner; the owner's staff invite carries its one-time link.
      const approved = await mail.waitFor((m) => to(goods.email)(m) && m.subject === "snail goods notify is approved")
      expect(approved.text).toContain("http://store.test/merchant")
      const invite = await api.post("/merchant/invites", { email: "sam@staff.test" }, goods.owner)
      const inviteMail = await mail.waitFor(to("sam@staff.test"))
      expect(inviteMail.subject).toBe("Join snail goods notify on SnailMarketplace")
      expect(linkIn(inviteMail.html!, "http://store.test/merchant/invite?token=")).toBe(`http://store.test/merchant/invite?token=${invite.data.token}`)
      // The log has the invite link redacted; Resend gives the invite a new token (the old one stops working).
      const inviteRow = await waitFor(async () => (await center().listNotificationDeliveries({ recipient: "sam@staff.test", template: "merchant-staff-invite" }))[0], (r: any) => r?.status === "SENT")
      expect((await storedRow(inviteRow.id)).content).not.toContain(invite.data.token)
      mail.clear()
      expect((await api.post(`/admin/notifications/deliveries/${inviteRow.id}/resend`, {}, admin)).status).toBe(202)
      const reinvite = await mail.waitFor(to("sam@staff.test"))
      const newInviteToken = new URL(linkIn(reinvite.html!, "http://store.test/merchant/invite?token=")!).searchParams.get("token")!
      expect(newInviteToken).not.toBe(invite.data.token)
      const [inviteNow] = await (getContainer().resolve(MARKETPLACE_MODULE) as any).listMerchantInvites({ id: invite.data.invite.id }, { select: ["id", "token_hash"] })
      expect(inviteNow.token_hash).toBe(hashInviteToken(newInviteToken))

      const float = await adminProduct(api, admin, { title: "Float session", amount: 100, salesChannelId, merchantId: goods.merchant.id, kind: "SERVICE" })
      // Four one-hour slots a day in Dubai (UTC+4): 09, 11, 13, 15 local; inside 24 h a cancellation keeps a 25 % fee.
      await api.post("/merchant/schedules", { product_id: float.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0;BYSECOND=0",
        slot_minutes: 60, capacity: 1, horizon_days: 30, min_notice_minutes: 0, free_cancel_hours: 24, cancel_fee_bps: 2500,
        reschedule_until_hours: 12, max_reschedules: 1, auto_confirm: true }, goods.owner)
      const now = Date.now()
      const slots: any[] = (await api.get(`/store/products/${float.id}/slots?from=${new Date(now).toISOString()}&to=${new Date(now + 2 * 86400_000).toISOString()}`, store)).data.slots
      const slot = slots.find((s) => new Date(s.start_at).getTime() > now + 5 * 60_000 && new Date(s.start_at).getTime() < now + 23 * 3600_000)
      const dana = await customer(pk, "dana@buyer.test")
      const cart = (await api.post("/store/carts", { region_id: eu.id }, dana)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: float.variants[0].id, quantity: 1, metadata: { slot_start: slot.start_at } }, dana)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, dana)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, dana)
      expect((await api.post(`/store/carts/${cart.id}/complete`, {}, dana)).data.type).toBe("order")

      const stamp = new Date(slot.start_at).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")
      const confirmed = await mail.waitFor((m) => to("dana@buyer.test")(m) && m.subject === "Booking confirmed: Float session")
      expect(confirmed.text).toMatch(/When: .* (09|11|13|15):00 \(Gulf Standard Time\)/)
      expect(confirmed.attachments.map((a) => a.filename)).toEqual(["booking.ics"])
      const ics = Buffer.from(confirmed.attachments[0].content, "base64").toString("utf8")
      expect(ics).toContain(`DTSTART:${stamp}`)
      expect(ics).toContain("STATUS:CONFIRMED")
      expect((await mail.waitFor((m) => to(goods.email)(m) && m.subject.startsWith("New booking"))).subject).toBe("New booking: Float session")

      // The slot starts within 24 h: the reminder job sends it, and only once however often it runs.
      await sendDueBookingReminders(getContainer())
      await sendDueBookingReminders(getContainer())
      await mail.waitFor((m) => to("dana@buyer.test")(m) && m.subject === "Reminder: Float session")
      expect(mail.messages().filter((m) => to("dana@buyer.test")(m) && m.subject.startsWith("Reminder"))).toHaveLength(1)

      // Cancelled inside 24 h: 25.00 kept, 75.00 refunded, and the calendar entry is cancelled.
      const [booking] = (await api.get("/store/bookings", dana)).data.bookings
      await api.post(`/store/bookings/${booking.id}/cancel`, { reason: "changed plans" }, dana)
      const cancelled = await mail.waitFor((m) => to("dana@buyer.test")(m) && m.subject === "Booking cancelled: Float session")
      expect(cancelled.text).toContain("Cancellation fee: €25.00")
      expect(cancelled.text).toContain("Refunded to your card: €75.00")
      const cancelIcs = Buffer.from(cancelled.attachments[0].content, "base64").toString("utf8")
      expect(cancelIcs).toContain(`DTSTART:${stamp}`)
      expect(cancelIcs).toContain("STATUS:CANCELLED")
    })
  },
})
