import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOTIFICATION_CENTER_MODULE } from "../../src/modules/notification-center"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { adminProduct, approvedMerchant, type Headers } from "../helpers/merchants"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

/*
 * Issue 20 §8 (GDPR): a buyer with a physical line, a booked service and a course in one order exports
 * everything the platform holds about them, then is erased: none of their personal strings remain in any
 * table except the copies the law keeps (orders, fiscal receipts, tax invoices), and the money still verifies.
 */
withSandboxPsp("privacy", { VERIFY_MONEY_GRACE_MS: "0" })

const EMAIL = "gretchenhild.privatova@privacy.test"
const PHONE = "+49301234567"
const FIRST = "Gretchenhild"
const LAST = "Privatova"
const STREET = "Geheimweg 17"
const PASSWORD = "grey-snail-rides-9"

/**
 * Tables that keep the buyer's copy on purpose (accounting and tax law, docs/security.md): the order with
 * its addresses and the delivery record of its fulfilments, fiscal receipts, tax invoices and credit notes.
 */
const LAW_KEEPS = new Set(["order", "order_address", "fulfillment_address", "fiscal_receipt", "tax_invoice", "credit_note"])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    const sql = async (text: string, params: unknown[] = []) => {
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      return (await pg.raw(text, params)).rows as any[]
    }

    /** Every table of the database whose rows mention one of `needles` (whole row as text, case-insensitive). */
    async function tablesMentioning(needles: string[]): Promise<Record<string, number>> {
      const tables = await sql("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
      const found: Record<string, number> = {}
      const patterns = needles.map((n) => `%${n.toLowerCase()}%`)
      for (const { table_name } of tables) {
        const [{ n }] = await sql(`select count(*)::int as n from "${table_name}" t where lower(t::text) like any(?)`, [patterns])
        if (n > 0) found[table_name] = n
      }
      return found
    }

    const snapshot = async (table: string, where: string, params: unknown[]) =>
      (await sql(`select * from "${table}" where ${where} order by id`, params)).map(({ updated_at, ...row }) => row)

    async function shop() {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const m = await approvedMerchant(api, admin, "privacy-shop")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const lamp = await adminProduct(api, admin, { title: "Quiet lamp", amount: 25, salesChannelId, merchantId: m.merchant.id, kind: "PHYSICAL" })
      const massage = await adminProduct(api, admin, { title: "Float session", amount: 60, salesChannelId, merchantId: m.merchant.id, kind: "SERVICE" })
      const course = await adminProduct(api, admin, { title: "Slow breathing", amount: 40, salesChannelId, merchantId: m.merchant.id, kind: "COURSE" })
      const schedule = await api.post("/merchant/schedules", {
        product_id: massage.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0;BYSECOND=0",
        slot_minutes: 60, capacity: 1, horizon_days: 30, min_notice_minutes: 0, auto_confirm: true,
      }, m.owner)
      expect(schedule.status).toBe(201)
      return { admin, store, m, region, lamp, massage, course }
    }

    async function buyer(store: Headers) {
      const pk = store.headers["x-publishable-api-key"]
      const reg = await api.post("/auth/customer/emailpass/register", { email: EMAIL, password: PASSWORD }, { headers: { "user-agent": "Registration" } })
      await api.post("/store/customers", { email: EMAIL, first_name: FIRST, last_name: LAST, phone: PHONE },
        { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email: EMAIL, password: PASSWORD }, { headers: { "user-agent": "Laptop Firefox" } })
      const me: Headers = { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
      await api.post("/store/customers/me/addresses", { first_name: FIRST, last_name: LAST, address_1: STREET, city: "Berlin", country_code: "de", phone: PHONE }, me)
      return { me, id: (await api.get("/store/customers/me", me)).data.customer.id as string }
    }

    /** An HTTP failure as a plain error (axios' own is circular and cannot leave the jest worker). */
    const plainly = (fn: () => Promise<void>) => async () => {
      try {
        await fn()
      } catch (e: any) {
        if (e?.response) throw new Error(`${e.config?.method} ${e.config?.url} → ${e.response.status} ${JSON.stringify(e.response.data)}`)
        throw e
      }
    }

    it("exports every piece of a buyer's data, and erasure leaves none of their personal strings outside the law's copies", plainly(async () => {
      const container = getContainer()
      const { admin, store, region, lamp, massage, course } = await shop()
      const { me, id: customerId } = await buyer(store)

      // One order: a lamp, a booked float session, a course.
      const { slots } = (await api.get(`/store/products/${massage.id}/slots?from=${new Date().toISOString()}&to=${new Date(Date.now() + 5 * 86_400_000).toISOString()}`, store)).data
      const slot = { start: slots[0].start_at as string }
      const address = { first_name: FIRST, last_name: LAST, address_1: STREET, city: "Berlin", country_code: "de", phone: PHONE }
      const cart = (await api.post("/store/carts", { region_id: region.id, shipping_address: address, billing_address: address }, me)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: lamp.variants[0].id, quantity: 1 }, me)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: massage.variants[0].id, quantity: 1, metadata: { slot_start: slot.start } }, me)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, me)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, me)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, me)
      const placed = (await api.post(`/store/carts/${cart.id}/complete`, {}, me)).data
      expect(placed.type).toBe("order")
      const order = placed.order
      await waitFor(async () => (await api.get("/store/courses", me)).data.courses, (cs: any[]) => cs.some((c: any) => c.line_state === "ACCESS_GRANTED"))
      const lines = await container.resolve<any>(ORDER_LINES_MODULE).listOrderLines({ order_id: order.id })
      const courseLine = lines.find((l: any) => l.kind === "COURSE")

      // A dispute on the (captured) course quoting the phone, notification settings and a Telegram chat.
      await waitFor(async () => (await container.resolve<any>(ORDER_LINES_MODULE).listOrderLines({ id: courseLine.id }))[0], (l: any) => Number(l.captured_amount) > 0)
      const opened = await api.post(`/store/orders/${order.id}/lines/${courseLine.id}/disputes`, { reason: "ACCESS_PROBLEM", message: `Cannot open it, call ${FIRST} on ${PHONE}` }, me)
      expect(opened.status).toBe(201)
      await drainEventBus(container)
      const center: any = container.resolve(NOTIFICATION_CENTER_MODULE)
      await center.createNotificationPreferences({ person_type: "customer", person_id: customerId, notification_type: "marketing", channel: "email", enabled: false })
      await center.createTelegramLinks({ person_type: "customer", person_id: customerId, chat_id: "777000111", linked_at: new Date() })
      await waitFor(() => center.listNotificationDeliveries({ person_type: "customer", person_id: customerId }), (ds: any[]) => ds.length > 0)

      // --- Export: every piece is there.
      const data = (await api.get("/store/customers/me/privacy/export", me)).data
      expect([data.customer.email, data.customer.first_name, data.customer.last_name, data.customer.phone]).toEqual([EMAIL, FIRST, LAST, PHONE])
      expect(data.customer.addresses.map((a: any) => a.address_1)).toEqual([STREET])
      const [exportedOrder] = data.orders
      expect(exportedOrder.id).toBe(order.id)
      expect(exportedOrder.shipping_address.address_1).toBe(STREET)
      expect(exportedOrder.lines.map((l: any) => l.kind).sort()).toEqual(["COURSE", "PHYSICAL", "SERVICE"])
      const lampExport = exportedOrder.lines.find((l: any) => l.kind === "PHYSICAL")
      expect(lampExport).toEqual(expect.objectContaining({ title: "Quiet lamp", quantity: 1, unit_price_minor: 2500, total_minor: 2500, total: "25.00 EUR" }))
      expect(lampExport.state).toEqual(expect.any(String))
      expect(lampExport.state_words).toMatch(/^[A-Z][a-z ]+$/)
      expect(data.bookings).toEqual([expect.objectContaining({
        order_id: order.id, service: "Float session", merchant: expect.stringMatching(/privacy shop/i), start_at: new Date(slot.start).toISOString(),
        timezone: "Asia/Dubai", status: "BOOKED", status_words: "Booked", attendee: { name: `${FIRST} ${LAST}`, email: EMAIL, phone: PHONE },
      })])
      expect(data.courses).toEqual([expect.objectContaining({ course: "Slow breathing", status: "ACTIVE", consumption_pct: 0, lessons: [], devices: [] })])
      expect(data.disputes).toEqual([expect.objectContaining({ order_id: order.id, reason: "ACCESS_PROBLEM", reason_words: "Access problem", status: "OPEN",
        messages: [expect.objectContaining({ author: "you", body: `Cannot open it, call ${FIRST} on ${PHONE}` })] })])
      expect(data.notifications.deliveries.length).toBeGreaterThan(0)
      expect(data.notifications.deliveries.every((d: any) => d.recipient === EMAIL || d.channel !== "email")).toBe(true)
      expect(data.notifications.preferences).toEqual([expect.objectContaining({ notification_type: "marketing", channel: "email", enabled: false })])
      expect(data.notifications.telegram).toEqual(expect.objectContaining({ chat_id: "777000111" }))
      expect(data.sessions.map((s: any) => s.user_agent)).toEqual(expect.arrayContaining(["Laptop Firefox", "Registration"]))
      expect(data.audit).toEqual(expect.any(Array))
      expect(data.privacy_requests).toEqual([expect.objectContaining({ kind: "EXPORT", status: "COMPLETED" })])

      // Nothing of the buyer may survive erasure outside these; they must not change either.
      const kept = {
        ledger: await snapshot("ledger_entry", "order_id = ?", [order.id]),
        splits: await snapshot("order_split", "order_id = ?", [order.id]),
        receipts: await snapshot("fiscal_receipt", "order_id = ?", [order.id]),
        invoices: await snapshot("tax_invoice", "order_id = ?", [order.id]),
      }
      const mentionedBefore = await tablesMentioning([EMAIL, PHONE, FIRST, LAST, STREET])
      expect(Object.keys(mentionedBefore)).toEqual(expect.arrayContaining(["customer", "course_grant", "notification_delivery", "dispute_message"]))

      // --- Erasure, completed by an operator.
      const asked = (await api.post("/store/customers/me/privacy/erasure", {}, me)).data.privacy_request
      const done = (await api.post(`/admin/privacy-requests/${asked.id}/complete`, {}, admin)).data.privacy_request
      expect(done.status).toBe("COMPLETED")
      await drainEventBus(container)

      const mentionedAfter = await tablesMentioning([EMAIL, PHONE, FIRST, LAST, STREET])
      expect(Object.keys(mentionedAfter).filter((t) => !LAW_KEEPS.has(t)).sort()).toEqual([])
      // The law's copies are still there: the order and its address.
      expect(Object.keys(mentionedAfter)).toEqual(expect.arrayContaining(["order", "order_address"]))
      // Append-only books: every row written before is still there unchanged (the booking's capture may add some meanwhile).
      const now = {
        ledger: await snapshot("ledger_entry", "order_id = ?", [order.id]),
        splits: await snapshot("order_split", "order_id = ?", [order.id]),
        receipts: await snapshot("fiscal_receipt", "order_id = ?", [order.id]),
        invoices: await snapshot("tax_invoice", "order_id = ?", [order.id]),
      }
      expect(now.ledger).toEqual(expect.arrayContaining(kept.ledger))
      expect(now.splits.map((r: any) => r.id)).toEqual(expect.arrayContaining(kept.splits.map((r: any) => r.id)))
      const documents = (rows: any[]) => rows.map((r) => [r.id, r.total_minor, r.document ?? r.recipient])
      expect(documents(now.receipts)).toEqual(expect.arrayContaining(documents(kept.receipts)))
      expect(documents(now.invoices)).toEqual(expect.arrayContaining(documents(kept.invoices)))
      const money = await waitFor(async () => (await api.get("/admin/money/verify", admin)).data, (r: any) => r.ok, 20000)
      expect(money.violations).toEqual([])
      expect((await api.get("/admin/audit/verify", admin)).data).toEqual(expect.objectContaining({ ok: true }))

      // The booking, the grant and the dispute stay (the merchant's and the platform's records), nameless.
      const [booking] = await sql("select status, customer_id from booking where order_id = ?", [order.id])
      expect(booking.status).toBe("BOOKED")
      const [grant] = await sql("select status, buyer_email, buyer_name from course_grant where order_id = ?", [order.id])
      expect([grant.status, grant.buyer_email, grant.buyer_name]).toEqual(["ACTIVE", `erased+${customerId}@erased.invalid`, null])
      expect((await sql("select count(*)::int as n from telegram_link where person_id = ?", [customerId]))[0].n).toBe(0)
      expect((await sql("select count(*)::int as n from auth_session where actor_id = ? and revoked_at is null", [customerId]))[0].n).toBe(0)
    }))
  },
})
