import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { type CaughtMessage } from "../../src/modules/notification-center/mail-catcher"
import { NOTIFICATION_CENTER_MODULE } from "../../src/modules/notification-center"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { fetchSandboxSettlements, reconcilePayments } from "../../src/workflows/marketplace-money/reconcile"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { withMailCatcher } from "../helpers/mail-catcher"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { adminProduct, approvedMerchant, parcelShipping, type Headers } from "../helpers/merchants"
import { waitFor } from "../helpers/wait"

// Issue 19, the remaining kinds, driven through the real flows and read from the real SMTP catcher.
jest.setTimeout(240 * 1000)

withSandboxPsp("notify_more")
const catcher = withMailCatcher()

const to = (email: string) => (m: CaughtMessage) => m.to.includes(email)
const ADMIN = "admin@test.local"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    beforeEach(() => catcher.mail.clear())

    const lineRow = async (id: string) => (await getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ id }))[0]
    const sentOf = async (template: string) => (await (getContainer().resolve(NOTIFICATION_CENTER_MODULE) as any).listNotificationDeliveries({ template }))

    async function customer(pk: string, email: string, metadata?: Record<string, unknown>): Promise<Headers> {
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Dora", last_name: "Buyer", ...(metadata ? { metadata } : {}) },
        { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
    }

    async function pay(h: Headers, cartId: string) {
      const pc = (await api.post("/store/payment-collections", { cart_id: cartId }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, h)
      const placed = await api.post(`/store/carts/${cartId}/complete`, {}, h)
      expect(placed.data.type).toBe("order")
      return placed.data.order
    }

    it("goods: payment failed, delivered, return accepted; disputes both ways and resolved; reconciliation differences reach the admins", async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const goods = await approvedMerchant(api, admin, "goods-more")
      const academy = await approvedMerchant(api, admin, "academy-more")
      const eu = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const { option, profile } = await parcelShipping(api, admin, goods.merchant.id, 5)
      const lamp = await adminProduct(api, admin, { title: "Snail lamp", amount: 25, salesChannelId, merchantId: goods.merchant.id, shippingProfileId: profile.id })
      const mug = await adminProduct(api, admin, { title: "Snail mug", amount: 12, salesChannelId, merchantId: goods.merchant.id, shippingProfileId: profile.id })
      // The sandbox PSP refuses any capture ending in 13 minor units: 10.13 EUR.
      const course = await adminProduct(api, admin, { title: "Slow breathing", amount: 10.13, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      const dora = await customer(pk, "dora@buyer.test")
      const cart = (await api.post("/store/carts", { region_id: eu.id, shipping_address: { first_name: "Dora", last_name: "B", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" } }, dora)).data.cart
      for (const p of [lamp, mug, course]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, dora)
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, dora)
      const order = await pay(dora, cart.id)
      const n = order.display_id

      // The course is granted right after the order; its capture is refused for good: the buyer is told, with the amount.
      const failed = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject.startsWith("Payment failed"))
      expect(failed.subject).toBe(`Payment failed for order #${n}`)
      expect(failed.text).toContain("Your bank refused the payment for Slow breathing")
      expect(failed.text).toContain("Amount: €10.13")
      expect(failed.html).toContain(`http://store.test/orders/${order.id}?token=`)

      const lines = (await api.get(`/merchant/orders/${order.id}/lines`, goods.owner)).data.lines
      const lineOf = (title: string, minor: number) => lines.find((l: any) => l.title === title) ?? lines.find((l: any) => l.amount_minor === minor)
      const lampLine = lineOf("Snail lamp", 2500)
      const mugLine = lineOf("Snail mug", 1200)
      const move = (line: any, body: Record<string, unknown>) => api.post(`/merchant/orders/${order.id}/lines/${line.id}/transitions`, body, goods.owner)
      for (const line of [lampLine, mugLine]) {
        await move(line, { to: "FULFILLING" })
        await move(line, { to: "SHIPPED", carrier: "DHL", tracking_number: `JD-${line.id.slice(-4)}` })
      }

      // Delivered: the buyer hears of it once.
      await move(lampLine, { to: "DELIVERED" })
      const delivered = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject === "Delivered: Snail lamp")
      expect(delivered.text).toContain(`Snail lamp from order #${n} was delivered.`)

      // Returned and received: "return accepted" with what went back to the card (read from the line).
      await api.post(`/store/orders/${order.id}/lines/${lampLine.id}/transitions`, { to: "RETURN_REQUESTED", reason: "Too bright" }, dora)
      await move(lampLine, { to: "RETURNED" })
      const accepted = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject === "Return accepted: Snail lamp")
      const returned = await waitFor(() => lineRow(lampLine.id), (r: any) => r.state === "RETURNED")
      const refundedMinor = Math.round(Number(returned.refunded_amount) * 100)
      expect(refundedMinor).toBeGreaterThanOrEqual(2500)
      expect(accepted.text).toContain(`Refunded to your card: €${(refundedMinor / 100).toFixed(2)}`)
      expect(accepted.text).toContain(`The seller received Snail lamp from order #${n} back and accepted the return.`)

      // A dispute on the mug: the merchant's reply reaches the buyer, the buyer's the merchant, support's the buyer.
      const opened = (await api.post(`/store/orders/${order.id}/lines/${mugLine.id}/disputes`, { reason: "DAMAGED", message: "The mug arrived chipped" }, dora)).data.dispute
      await catcher.mail.waitFor((m) => to(goods.email)(m) && m.subject === `Dispute opened on order #${n}`)
      await api.post(`/merchant/disputes/${opened.id}/messages`, { body: "Sorry! Could you send a <photo>?" }, goods.owner)
      const sellerReply = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject === "New reply about your dispute: Snail mug")
      expect(sellerReply.text).toContain(`goods more replied to your dispute about Snail mug (order #${n}):`)
      expect(sellerReply.text).toContain("“Sorry! Could you send a <photo>?”")
      expect(sellerReply.html).toContain("Could you send a &lt;photo&gt;?")
      await api.post(`/store/disputes/${opened.id}/messages`, { body: "Photo attached to my account" }, dora)
      const buyerReply = await catcher.mail.waitFor((m) => to(goods.email)(m) && m.subject === `The buyer replied in the dispute on order #${n}`)
      expect(buyerReply.text).toContain("The buyer wrote about Snail mug:")
      expect(buyerReply.text).toContain("“Photo attached to my account”")
      expect(buyerReply.html).toContain(`http://store.test/merchant?dispute=${opened.id}`)
      await api.post(`/admin/disputes/${opened.id}/messages`, { body: "We are looking into it" }, admin)
      const supportReply = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject === "New reply about your dispute: Snail mug" && m.text!.includes("support"))
      expect(supportReply.text).toContain("SnailMarketplace support replied to your dispute about Snail mug")
      // The buyer is not told of their own message; the merchant not of its own.
      expect(catcher.mail.messages().filter((m) => to("dora@buyer.test")(m) && m.text?.includes("Photo attached"))).toHaveLength(0)
      expect(catcher.mail.messages().filter((m) => to(goods.email)(m) && m.text?.includes("Could you send"))).toHaveLength(0)

      // Resolved with a partial refund of 5.00: the outcome in words and the amount.
      await api.post(`/admin/disputes/${opened.id}/resolve`, { outcome: "refund", amount: 5, note: "Chipped in transit" }, admin)
      const resolved = await catcher.mail.waitFor((m) => to("dora@buyer.test")(m) && m.subject === "Your dispute is resolved: Snail mug")
      expect(resolved.text).toContain(`We reviewed your dispute about Snail mug (order #${n}) and refunded you.`)
      expect(resolved.text).toContain("Refunded to your card: €5.00")
      expect(resolved.text).toContain("Our note: Chipped in transit")
      expect(resolved.text).not.toMatch(/RESOLVED_REFUND/)

      // The daily reconciliation against the PSP's report plus a capture we never booked: the admins get the difference by kind, once per finding.
      const period = { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) }
      const report = [...await fetchSandboxSettlements(period),
        { type: "capture" as const, id: "ch_ghost", payment_intent: "pi_ghost_notify", amount: 4200, currency: "eur", created: Math.floor(Date.now() / 1000) }]
      await reconcilePayments(getContainer(), period, report)
      const recon = await catcher.mail.waitFor((m) => to(ADMIN)(m) && m.subject.startsWith("Reconciliation"))
      expect(recon.subject).toMatch(/^Reconciliation \d{1,2} \w+ \d{4}: \d+ difference\(s\) found$/)
      expect(recon.text).toContain("At the payment provider, not in our books: 1")
      expect(recon.text).not.toContain("missing_in_books")
      expect(recon.html).toContain("/app/payouts")
      expect(recon.text).toContain("Notification settings / unsubscribe") // switchable: staff can turn it off
      await reconcilePayments(getContainer(), period, report)
      await new Promise((r) => setTimeout(r, 1000))
      expect(catcher.mail.messages().filter((m) => to(ADMIN)(m) && m.subject.startsWith("Reconciliation"))).toHaveLength(1)

      // Each kind was sent once, SENT in the log.
      for (const t of ["payment-failed", "line-delivered", "return-accepted", "dispute-resolved", "merchant-dispute-replied"]) {
        expect((await waitFor(() => sentOf(t), (rows: any[]) => rows.every((r) => r.status === "SENT"))).map((r: any) => r.status)).toEqual(["SENT"])
      }
    })

    it("bookings: moved with an .ics that cancels the old entry; a cancellation by the buyer tells the merchant, in Russian for a Russian buyer", async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const spa = await approvedMerchant(api, admin, "spa-more")
      const eu = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const float = await adminProduct(api, admin, { title: "Float session", amount: 100, salesChannelId, merchantId: spa.merchant.id, kind: "SERVICE" })
      await api.post("/merchant/schedules", { product_id: float.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0;BYSECOND=0",
        slot_minutes: 60, capacity: 1, horizon_days: 30, min_notice_minutes: 0, free_cancel_hours: 24, cancel_fee_bps: 2500,
        reschedule_until_hours: 12, max_reschedules: 1, auto_confirm: true }, spa.owner)
      const now = Date.now()
      const slots: any[] = (await api.get(`/store/products/${float.id}/slots?from=${new Date(now + 30 * 3600_000).toISOString()}&to=${new Date(now + 4 * 86400_000).toISOString()}`, store)).data.slots
      const [first, second] = slots.filter((s) => new Date(s.start_at).getTime() > now + 30 * 3600_000)
      const ivan = await customer(pk, "ivan@buyer.test", { locale: "ru" })
      const cart = (await api.post("/store/carts", { region_id: eu.id }, ivan)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: float.variants[0].id, quantity: 1, metadata: { slot_start: first.start_at } }, ivan)
      await pay(ivan, cart.id)
      await catcher.mail.waitFor((m) => to("ivan@buyer.test")(m) && m.subject === "Запись подтверждена: Float session")

      const [booking] = (await api.get("/store/bookings", ivan)).data.bookings
      await api.post(`/store/bookings/${booking.id}/reschedule`, { slot_start: second.start_at }, ivan)
      const moved = await catcher.mail.waitFor((m) => to("ivan@buyer.test")(m) && m.subject === "Запись перенесена: Float session")
      expect(moved.html).toContain('lang="ru"')
      expect(moved.text).toMatch(/Новое время: .* (09|11|13|15):00 \(Персидский залив\)/)
      expect(moved.text).toMatch(/Было: .* (09|11|13|15):00 \(Персидский залив\)/)
      const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")
      expect(moved.attachments.map((a) => a.filename)).toEqual(["booking.ics"])
      const ics = Buffer.from(moved.attachments[0].content, "base64").toString("utf8")
      // Two entries: the old slot cancelled (same UID as the confirmation's), the new one confirmed.
      expect(ics).toContain(`UID:${booking.id}@snailmarketplace`)
      expect(ics.indexOf(`DTSTART:${stamp(first.start_at)}`)).toBeLessThan(ics.indexOf("STATUS:CANCELLED"))
      expect(ics).toContain(`DTSTART:${stamp(second.start_at)}`)
      expect(ics).toContain("STATUS:CONFIRMED")

      // More than 24 h ahead the buyer cancels for free: the buyer's own message, and the merchant's heads-up (fee kept 0).
      const [current] = (await api.get("/store/bookings", ivan)).data.bookings.filter((b: any) => b.status === "BOOKED")
      await api.post(`/store/bookings/${current.id}/cancel`, { reason: "ill" }, ivan)
      await catcher.mail.waitFor((m) => to("ivan@buyer.test")(m) && m.subject === "Запись отменена: Float session")
      const told = await catcher.mail.waitFor((m) => to(spa.email)(m) && m.subject === "Booking cancelled by the client: Float session")
      expect(told.text).toContain("Client: ivan@buyer.test")
      expect(told.text).toContain("Cancellation fee kept: €0.00")
      expect(told.text).toMatch(/Was booked for: .* (09|11|13|15):00 \(Gulf Standard Time\)/)
      // Switchable for the merchant: the e-mail links to the settings.
      expect(told.text).toContain("Notification settings / unsubscribe")
    })
  },
})
