import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { expireSlotHolds } from "../../src/workflows/booking/expire-holds"
import { failing } from "../helpers/admin"
import { checkoutActors, outcome } from "../helpers/checkout"
import { adminProduct, approvedMerchant, bearer, Headers, merchantLogin } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_booking_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>

beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_booking_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, { SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_booking_test" })
})
afterAll(async () => psp?.close())

const intent = async (id: string) =>
  (await fetch(`${psp.url}/v1/payment_intents/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()

const HOUR = 3_600_000
const DAY = 24 * HOUR

// Four one-hour slots a day in Dubai (UTC+4, no DST): 09:00, 11:00, 13:00, 15:00 local.
const scheduleBody = (productId: string, over: Record<string, unknown> = {}) => ({
  product_id: productId, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0;BYSECOND=0",
  slot_minutes: 60, capacity: 1, horizon_days: 30, min_notice_minutes: 0,
  free_cancel_hours: 24, cancel_fee_bps: 2500, reschedule_until_hours: 12, max_reschedules: 1, auto_confirm: true, ...over,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    async function shop(handle: string, schedule: Record<string, unknown> = {}) {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const A = await approvedMerchant(api, admin, handle)
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const product = await adminProduct(api, admin, { title: "Float session", amount: 100, salesChannelId, merchantId: A.merchant.id, kind: "SERVICE" })
      const created = await api.post("/merchant/schedules", scheduleBody(product.id, schedule), A.owner)
      expect(created.status).toBe(201)
      return { admin, store, A, region, product, variantId: product.variants[0].id as string, schedule: created.data.schedule }
    }

    async function buyer(store: Headers, email: string): Promise<Headers> {
      const pk = store.headers["x-publishable-api-key"]
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Bea" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
    }

    const slotsOf = async (store: Headers, productId: string, from = new Date(), days = 5) =>
      (await api.get(`/store/products/${productId}/slots?from=${from.toISOString()}&to=${new Date(from.getTime() + days * DAY).toISOString()}`, store)).data

    async function checkout(h: Headers, regionId: string, variantId: string, slotStart: string) {
      const cart = (await api.post("/store/carts", { region_id: regionId }, h)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: slotStart } }, h)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, h)
      const done = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(done.data.type).toBe("order")
      return done.data.order
    }

    it("validates the slots query and offers slots in UTC with the schedule's time zone", async () => {
      const { store, product, region, variantId, schedule, A } = await shop("slots-shop")
      const bad = await failing(api.get(`/store/products/${product.id}/slots?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z`, store))
      expect(bad).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_SLOT_RANGE", field: "to" }) })
      expect((await failing(api.get(`/store/products/${product.id}/slots?from=yesterday`, store))).data.code).toBe("INVALID_SLOT_RANGE")
      expect((await failing(api.get(`/store/products/${product.id}/slots?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`, store))).data.code).toBe("INVALID_SLOT_RANGE")

      const data = await slotsOf(store, product.id, new Date("2030-01-01T00:00:00Z"), 1)
      // 2030 is beyond the 30-day horizon: nothing bookable.
      expect(data.slots).toEqual([])
      const soon = await slotsOf(store, product.id, new Date(), 2)
      expect(soon.timezone).toBe("Asia/Dubai")
      expect(soon.slots.length).toBeGreaterThanOrEqual(4)
      for (const s of soon.slots) {
        expect(s.start_at).toMatch(/T(05|07|09|11):00:00\.000Z$/) // 09, 11, 13, 15 in Dubai
        expect(new Date(s.end_at).getTime() - new Date(s.start_at).getTime()).toBe(HOUR)
        expect(s).toEqual(expect.objectContaining({ timezone: "Asia/Dubai", capacity: 1, remaining: 1 }))
      }

      // A slot in a cart whose schedule the seller withdraws afterwards is not sold at checkout.
      const bea = await buyer(store, "withdrawn@example.com")
      const cart = (await api.post("/store/carts", { region_id: region.id }, bea)).data.cart
      const slot = soon.slots[0].start_at
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: slot } }, bea)
      expect((await api.delete(`/merchant/schedules/${schedule.id}`, A.owner)).status).toBe(200)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, bea)).data.payment_collection
      const refused = await failing(
        api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, bea)
      )
      expect(refused).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE", message: expect.stringContaining("withdrew its schedule") }) })
      expect((await failing(api.post(`/store/carts/${cart.id}/complete`, {}, bea))).status).toBeGreaterThanOrEqual(400)
    })

    it("reads DTSTART;TZID, COUNT and EXDATE by RFC 5545 (not by the server's zone) and explains a refused rule", async () => {
      // Expected instants come from Date.UTC arithmetic only, so they do not depend on the process's zone.
      // EU summer time starts 01:00 UTC on the last Sunday of March (Directive 2000/84/EC): Berlin
      // wall clocks jump 02:00 CET → 03:00 CEST, so 02:30 does not exist that day. Take the next
      // such Sunday D whose D−4 is still ahead of us.
      const lastSundayOfMarch = (y: number) => 31 - new Date(Date.UTC(y, 2, 31)).getUTCDay()
      let year = new Date().getUTCFullYear()
      while (Date.UTC(year, 2, lastSundayOfMarch(year) - 4) < Date.now() + DAY) year++
      const D = lastSundayOfMarch(year)
      const at = (dayOffset: number, hour: number, minute = 30) => new Date(Date.UTC(year, 2, D + dayOffset, hour, minute))
      const ical = (d: Date, utc = false) => d.toISOString().replace(/[-:]/g, "").slice(0, 15) + (utc ? "Z" : "")
      // Daily 02:30 Berlin from D−4, COUNT=6. D's 02:30 does not exist: ignored and not counted
      // (RFC 5545 §3.3.10), so the six are D−4, D−3, D−2, D−1 (CET: 02:30 − 1 h = 01:30Z) and D+1,
      // D+2 (CEST: 02:30 − 2 h = 00:30Z). EXDATE removes D−3 by its UTC instant (01:30Z) and D+1 by
      // its Berlin wall time; the count was spent before the exclusion (§3.8.5.1), so no D+3.
      const rrule = [
        `DTSTART;TZID=Europe/Berlin:${ical(at(-4, 2))}`,
        "RRULE:FREQ=DAILY;COUNT=6",
        `EXDATE:${ical(at(-3, 1), true)}`,
        `EXDATE;TZID=Europe/Berlin:${ical(at(1, 2))}`,
      ].join("\n")
      const { store, product, A, region, variantId, schedule } = await shop("rfc-shop", { timezone: "Europe/Berlin", rrule, horizon_days: 400 })
      const offered = (await slotsOf(store, product.id, at(-6, 0, 0), 10)).slots.map((s: any) => s.start_at)
      expect(offered).toEqual([at(-4, 1), at(-2, 1), at(-1, 1), at(2, 0)].map((d) => d.toISOString()))
      // The holiday excluded in UTC form cannot be booked either.
      const cart = (await api.post("/store/carts", { region_id: region.id }, store)).data.cart
      const holiday = await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: at(-3, 1).toISOString() } }, store))
      expect(holiday).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE" }) })

      // A first date inside the gap is refused in words (the rule is local to the schedule's zone).
      const gap = await failing(api.post(`/merchant/schedules/${schedule.id}`, { rrule: `DTSTART:${ical(at(0, 2))}\nRRULE:FREQ=DAILY` }, A.owner))
      expect(gap.status).toBe(400)
      expect(gap.data).toEqual(expect.objectContaining({ code: "INVALID_SCHEDULE", field: "rrule" }))
      expect(gap.data.message).toMatch(/does not exist in Europe\/Berlin: the clocks skip that hour/)
      const hourly = await failing(api.post(`/merchant/schedules/${schedule.id}`, { rrule: "FREQ=HOURLY" }, A.owner))
      expect(hourly.status).toBe(400)
      expect(hourly.data.message).toMatch(/daily, weekly, monthly or yearly/)
    })

    it("holds the slot on add-to-cart, turns it into a booking at checkout, and applies the policies", async () => {
      const { admin, store, A, region, product, variantId } = await shop("wellness")
      const bea = await buyer(store, "bea@buyer.local")
      const carl = await buyer(store, "carl@buyer.local")
      const slots: any[] = (await slotsOf(store, product.id, new Date(), 6)).slots
      const later = slots.filter((s) => new Date(s.start_at).getTime() > Date.now() + 3 * DAY)
      const [S1, S2, S3] = later.map((s) => s.start_at)

      // Adding the service needs a slot, a real one, and a free one.
      const cart = (await api.post("/store/carts", { region_id: region.id }, bea)).data.cart
      const missing = await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, bea))
      expect(missing).toEqual({ status: 400, data: expect.objectContaining({ code: "SLOT_REQUIRED", field: "metadata.slot_start" }) })
      const offGrid = new Date(new Date(S1).getTime() + 30 * 60_000).toISOString()
      expect((await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: offGrid } }, bea))).data.code).toBe("SLOT_UNAVAILABLE")
      // Two places on a one-place slot (a line's quantity is its seats in one slot).
      expect((await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 2, metadata: { slot_start: S1 } }, bea))).data.code).toBe("SLOT_CAPACITY_EXCEEDED")
      const added = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: S1 } }, bea)
      expect(added.data.cart.items[0].metadata).toEqual(expect.objectContaining({ slot_start: S1, slot_timezone: "Asia/Dubai" }))
      // Held: no longer offered, and nobody else can add it.
      expect((await slotsOf(store, product.id, new Date(), 6)).slots.map((s: any) => s.start_at)).not.toContain(S1)
      const carlCart = (await api.post("/store/carts", { region_id: region.id }, carl)).data.cart
      const taken = await failing(api.post(`/store/carts/${carlCart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: S1 } }, carl))
      expect(taken).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE" }) })
      // Removing the item frees the slot.
      await api.delete(`/store/carts/${cart.id}/line-items/${added.data.cart.items[0].id}`, bea)
      expect((await slotsOf(store, product.id, new Date(), 6)).slots.map((s: any) => s.start_at)).toContain(S1)

      // Checkout through the sandbox PSP: the hold becomes a booking of the order line, auto-confirmed (captured).
      const order = await checkout(bea, region.id, variantId, S1)
      expect(order.items[0].metadata.slot_start).toBe(S1)
      const listed = await waitFor(async () => (await api.get("/store/bookings", bea)).data.bookings, (b: any[]) => b[0]?.line?.state === "CONFIRMED")
      expect(listed).toHaveLength(1)
      const booking = listed[0]
      expect(booking).toEqual(expect.objectContaining({ status: "BOOKED", start_at: S1, timezone: "Asia/Dubai", order_id: order.id, line: expect.objectContaining({ state: "CONFIRMED" }) }))
      expect(booking.cancel).toEqual({ allowed: true, free: true, fee_amount: "0.00", refund_amount: "100.00" })
      const orderFull = (await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.data`, admin)).data.order
      const intentId = orderFull.payment_collections[0].payments[0].data.intent_id
      // The confirm move captures as its effect (the subscriber's workflow may still be finishing).
      expect(await waitFor(() => intent(intentId), (i: any) => i.amount_captured > 0)).toEqual(expect.objectContaining({ amount_captured: 10000 }))
      // Other buyers see nothing of it.
      expect((await api.get("/store/bookings", carl)).data.bookings).toEqual([])
      expect((await failing(api.get(`/store/bookings/${booking.id}`, carl))).status).toBe(404)

      // Served / no-show are refused before the slot starts.
      for (const to of ["SERVED", "NO_SHOW"]) {
        const early = await failing(api.post(`/merchant/orders/${order.id}/lines/${booking.line.id}/transitions`, { to }, A.owner))
        expect(early).toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_GUARD_FAILED" }) })
      }

      // Reschedule into a slot someone else holds: refused, the booking stays.
      const carlAdd = await api.post(`/store/carts/${carlCart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: S2 } }, carl)
      expect(carlAdd.status).toBe(200)
      const intoHeld = await failing(api.post(`/store/bookings/${booking.id}/reschedule`, { slot_start: S2 }, bea))
      expect(intoHeld).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE" }) })
      expect((await api.get(`/store/bookings/${booking.id}`, bea)).data.booking.status).toBe("BOOKED")

      // Reschedule to a free slot: new booking, old seat free again; the count is then used up.
      const moved = (await api.post(`/store/bookings/${booking.id}/reschedule`, { slot_start: S3 }, bea)).data.booking
      expect(moved).toEqual(expect.objectContaining({ status: "BOOKED", start_at: S3, reschedule_count: 1, rescheduled_from_id: booking.id, line: expect.objectContaining({ id: booking.line.id }) }))
      expect((await slotsOf(store, product.id, new Date(), 6)).slots.map((s: any) => s.start_at)).toContain(S1)
      expect((await slotsOf(store, product.id, new Date(), 6)).slots.map((s: any) => s.start_at)).not.toContain(S3)
      const again = await failing(api.post(`/store/bookings/${moved.id}/reschedule`, { slot_start: S1 }, bea))
      expect(again).toEqual({ status: 422, data: expect.objectContaining({ code: "RESCHEDULE_LIMIT_REACHED" }) })

      // Calendar: .ics for the buyer, a token feed for the merchant.
      const ics = await api.get(`/store/bookings/${moved.id}/ics`, bea)
      expect(ics.headers["content-type"]).toContain("text/calendar")
      expect(ics.data).toContain(`DTSTART:${S3.replace(/[-:]/g, "").replace(".000", "")}`)
      const feed = (await api.get("/merchant/calendar-feed", A.owner)).data.calendar_feed
      const feedIcs = await api.get(`/calendar/${feed.token}.ics`)
      expect(feedIcs.data).toContain("BEGIN:VEVENT")
      expect(feedIcs.data).toContain("Float session")
      expect((await failing(api.get(`/calendar/${"x".repeat(32)}.ics`))).status).toBe(404)
      const rotated = (await api.post("/merchant/calendar-feed", {}, A.owner)).data.calendar_feed
      expect(rotated.token).not.toBe(feed.token)
      expect((await failing(api.get(`/calendar/${feed.token}.ics`))).status).toBe(404)
      // The merchant's week view.
      const week = (await api.get(`/merchant/bookings?from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * DAY).toISOString()}`, A.owner)).data
      expect(week.bookings.map((b: any) => b.id)).toEqual([moved.id])

      // Cancel more than 24 h ahead: free, the whole captured amount comes back; the seat is free again.
      const cancelled = (await api.post(`/store/bookings/${moved.id}/cancel`, {}, bea)).data.booking
      expect(cancelled).toEqual(expect.objectContaining({ status: "CANCELLED", line: expect.objectContaining({ state: "CANCELLED" }) }))
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 10000, amount_refunded: 10000 }))
      expect((await slotsOf(store, product.id, new Date(), 6)).slots.map((s: any) => s.start_at)).toContain(S3)
    })

    it("cancelling inside the fee window refunds paid − fee; rescheduling there is closed", async () => {
      const { admin, store, A, region, product, variantId } = await shop("late-shop", { auto_confirm: false })
      const dana = await buyer(store, "dana@buyer.local")
      const slots: any[] = (await slotsOf(store, product.id, new Date(), 2)).slots
      const soon = slots.find((s) => new Date(s.start_at).getTime() > Date.now() + 2 * 60_000 && new Date(s.start_at).getTime() < Date.now() + 24 * HOUR - 60_000)
      const order = await checkout(dana, region.id, variantId, soon.start_at)
      const [booking] = (await api.get("/store/bookings", dana)).data.bookings
      // No auto-confirm: the line waits in PAID, nothing captured yet.
      expect(booking.line.state).toBe("PAID")
      expect(booking.cancel).toEqual({ allowed: true, free: false, fee_amount: "25.00", refund_amount: "75.00" })
      const closed = new Date(soon.start_at).getTime() - Date.now() < 12 * HOUR
      if (closed) {
        expect((await failing(api.post(`/store/bookings/${booking.id}/reschedule`, { slot_start: slots.at(-1).start_at }, dana))).data.code).toBe("RESCHEDULE_WINDOW_CLOSED")
      }
      process.env.ESCROW_HOLD_MS = "0" // read on use: the kept fee is released without the 7-day hold
      const cancelled = (await api.post(`/store/bookings/${booking.id}/cancel`, { reason: "changed plans" }, dana)).data.booking
      expect(cancelled.status).toBe("CANCELLED")
      const orderFull = (await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.data`, admin)).data.order
      const intentId = orderFull.payment_collections[0].payments[0].data.intent_id
      // The fee is captured and kept: 100 captured, 75 refunded.
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 10000, amount_refunded: 7500 }))
      const lines = (await api.get(`/store/orders/${order.id}/lines`, dana)).data.lines
      expect(lines[0]).toEqual(expect.objectContaining({ state: "CANCELLED" }))
      expect(Number(lines[0].refunded_amount)).toBe(75)
      // The merchant keeps the fee less commission (25.00 − 10 % = 22.50): in escrow, then released.
      const balance = async () => (await api.get("/merchant/balance", A.owner)).data.balances[0] ?? {}
      expect(await waitFor(balance, (b: any) => b.escrow === 2250)).toEqual(expect.objectContaining({ escrow: 2250 }))
      await api.post("/admin/escrow/release", {}, admin)
      delete process.env.ESCROW_HOLD_MS
      expect(await balance()).toEqual(expect.objectContaining({ escrow: 0, available: 2250 }))
      // Cancelled twice: refused.
      expect((await failing(api.post(`/store/bookings/${booking.id}/cancel`, {}, dana))).data.code).toBe("BOOKING_NOT_ACTIVE")
    })

    it("the merchant reschedules a booking from its dashboard, under the buyer's own policy (issue 22 §5)", async () => {
      const { store, A, region, product, variantId } = await shop("move-shop")
      const fay = await buyer(store, "fay@buyer.local")
      const later = (await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 4)).slots.map((s: any) => s.start_at)
      const [S1, S2, S3] = later
      const order = await checkout(fay, region.id, variantId, S1)
      const [booking] = await waitFor(async () => (await api.get("/store/bookings", fay)).data.bookings, (b: any[]) => b[0]?.line?.state === "CONFIRMED")
      const join = async (email: string, role: string) => {
        const inv = await api.post("/merchant/invites", { email, role }, A.owner)
        const reg = await api.post("/auth/merchant/emailpass/register", { email, password: "merchant-pass-123" })
        await api.post("/merchant/invites/accept", { token: inv.data.token }, bearer(reg.data.token))
        return merchantLogin(api, email)
      }
      const packer = await join("packer@move-shop.test", "FULFILMENT")
      const books = await join("books@move-shop.test", "FINANCE")

      // Where it could go: free slots of its schedule, not its own, and not one another buyer holds.
      const gus = await buyer(store, "gus@buyer.local")
      const gusCart = (await api.post("/store/carts", { region_id: region.id }, gus)).data.cart
      await api.post(`/store/carts/${gusCart.id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: S2 } }, gus)
      const range = `from=${new Date(Date.now() + 2 * DAY).toISOString()}&to=${new Date(Date.now() + 6 * DAY).toISOString()}`
      const offered = (await api.get(`/merchant/bookings/${booking.id}/slots?${range}`, packer)).data
      expect(offered).toEqual(expect.objectContaining({ booking_id: booking.id, timezone: "Asia/Dubai", seats: 1 }))
      const starts = offered.slots.map((s: any) => s.start_at)
      expect(starts).toContain(S3)
      expect(starts).not.toContain(S1)
      expect(starts).not.toContain(S2)
      // Bad input: 400 with a code and words, before anything moves.
      expect(await failing(api.get(`/merchant/bookings/${booking.id}/slots?from=tomorrow`, A.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD" }) })
      expect(await failing(api.get(`/merchant/bookings/${booking.id}/slots?${range}&colour=red`, A.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "UNKNOWN_FIELD" }) })
      const bad = await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: "next tuesday" }, A.owner))
      expect(bad).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD", message: expect.stringMatching(/slot_start/) }) })
      expect((await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, {}, A.owner))).status).toBe(400)
      // Finance moves money, not appointments.
      expect(await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: S3 }, books)))
        .toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_ROLE_FORBIDDEN" }) })
      // A slot someone else holds, or off the schedule's grid: refused, the booking stays.
      expect((await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: S2 }, A.owner))).data.code).toBe("SLOT_UNAVAILABLE")
      const offGrid = new Date(new Date(S3).getTime() + 30 * 60_000).toISOString()
      expect((await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: offGrid }, A.owner))).data.code).toBe("SLOT_UNAVAILABLE")
      expect((await api.get(`/merchant/bookings/${booking.id}`, A.owner)).data.booking).toEqual(expect.objectContaining({ status: "BOOKED", start_at: S1 }))

      // Fulfilment staff move it: a new booking on the same line, the old seat free again; the buyer sees the new time.
      const moved = (await api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: S3 }, packer)).data.booking
      expect(moved).toEqual(expect.objectContaining({ status: "BOOKED", start_at: S3, reschedule_count: 1, rescheduled_from_id: booking.id,
        order_id: order.id, line: expect.objectContaining({ id: booking.line.id, state: "CONFIRMED" }), reschedule: { allowed: false, code: "RESCHEDULE_LIMIT_REACHED" } }))
      expect((await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 4)).slots.map((s: any) => s.start_at)).toContain(S1)
      expect((await api.get("/store/bookings", fay)).data.bookings.map((b: any) => [b.id, b.start_at])).toEqual([[moved.id, S3]])
      // The policy's count binds the merchant too (max_reschedules 1), and the old booking is no longer active.
      expect(await failing(api.post(`/merchant/bookings/${moved.id}/reschedule`, { slot_start: S1 }, A.owner)))
        .toEqual({ status: 422, data: expect.objectContaining({ code: "RESCHEDULE_LIMIT_REACHED" }) })
      expect((await failing(api.post(`/merchant/bookings/${booking.id}/reschedule`, { slot_start: S1 }, A.owner))).data.code).toBe("BOOKING_NOT_ACTIVE")
    })

    it("after the slot starts: served (or no-show) is allowed, cancelling is refused", async () => {
      const { store, A, region, product, variantId } = await shop("started-shop")
      const eve = await buyer(store, "eve@buyer.local")
      const [slot] = (await slotsOf(store, product.id, new Date(Date.now() + DAY), 2)).slots
      const order = await checkout(eve, region.id, variantId, slot.start_at)
      const [booking] = await waitFor(async () => (await api.get("/store/bookings", eve)).data.bookings, (b: any[]) => b[0]?.line?.state === "CONFIRMED")
      expect((await failing(api.post(`/merchant/orders/${order.id}/lines/${booking.line.id}/transitions`, { to: "NO_SHOW" }, A.owner))).data.code).toBe("TRANSITION_GUARD_FAILED")
      const [before] = (await api.get(`/merchant/orders/${order.id}/lines`, A.owner)).data.lines
      expect(before.allowed_transitions.map((t: any) => t.to)).toEqual(["CANCELLED"])
      // The clock cannot move in an HTTP test: the booked slot is moved into the past instead.
      await (getContainer().resolve("booking") as any).updateBookings({ id: booking.id, start_at: new Date(Date.now() - 60_000), end_at: new Date(Date.now() + 59 * 60_000) })
      const late = await failing(api.post(`/store/bookings/${booking.id}/cancel`, {}, eve))
      expect(late).toEqual({ status: 422, data: expect.objectContaining({ code: "BOOKING_ALREADY_STARTED" }) })
      expect((await failing(api.post(`/store/orders/${order.id}/lines/${booking.line.id}/transitions`, { to: "CANCELLED" }, eve))).data.code).toBe("TRANSITION_GUARD_FAILED")
      const [line] = (await api.get(`/merchant/orders/${order.id}/lines`, A.owner)).data.lines
      expect(line.booking).toEqual(expect.objectContaining({ id: booking.id, status: "BOOKED", timezone: "Asia/Dubai" }))
      expect(line.allowed_transitions.map((t: any) => t.to).sort()).toEqual(["NO_SHOW", "SERVED"])
      const served = await api.post(`/merchant/orders/${order.id}/lines/${booking.line.id}/transitions`, { to: "SERVED" }, A.owner)
      expect(served.data.line.state).toBe("SERVED")
    })

    // Dubai is UTC+4 all year: the slot's local wall time, written the way the refusal says it.
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    const dubaiWords = (iso: string) => {
      const local = new Date(new Date(iso).getTime() + 4 * HOUR)
      return `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")} on ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]}`
    }
    const addSeats = (h: Headers, cartId: string, variantId: string, quantity: number, slot_start: string) =>
      api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity, metadata: { slot_start } }, h)

    it("a service line's quantity is its seats in one slot: held, resized, booked and charged as that many", async () => {
      const { store, region, product, variantId } = await shop("group-shop", { capacity: 3 })
      const [slot] = (await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots
      const S = slot.start_at
      const remaining = async () => (await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots.find((s: any) => s.start_at === S)?.remaining ?? 0
      const cartOf = async (email: string) => (await api.post("/store/carts", { region_id: region.id, email }, store)).data.cart.id as string
      const [a, b] = [await cartOf("one@buyer.local"), await cartOf("group@buyer.local")]
      await addSeats(store, a, variantId, 1, S)
      expect(await remaining()).toBe(2)

      // Three places when two are left: refused in words, nothing held.
      const tooMany = await failing(addSeats(store, b, variantId, 3, S))
      expect(tooMany).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_CAPACITY_EXCEEDED", field: "quantity" }) })
      expect(tooMany.data.message).toContain(`Only 2 places are left at ${dubaiWords(S)}`)
      expect(await remaining()).toBe(2)

      // Two places: both held; shrinking gives one back, growing takes it again.
      const added = (await addSeats(store, b, variantId, 2, S)).data.cart.items[0]
      expect(await remaining()).toBe(0)
      await api.post(`/store/carts/${b}/line-items/${added.id}`, { quantity: 1 }, store)
      expect(await waitFor(remaining, (n) => n === 1)).toBe(1)
      await api.post(`/store/carts/${b}/line-items/${added.id}`, { quantity: 2 }, store)
      expect(await remaining()).toBe(0)
      const grow = await failing(api.post(`/store/carts/${b}/line-items/${added.id}`, { quantity: 3 }, store))
      expect(grow).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE" }) })
      expect((await api.get(`/store/carts/${b}`, store)).data.cart.items[0].quantity).toBe(2)

      // Checkout: two bookings of the one order line, and two places charged (2 × 100.00).
      const pc = (await api.post("/store/payment-collections", { cart_id: b }, store)).data.payment_collection
      expect(Number(pc.amount)).toBe(200)
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const order = (await api.post(`/store/carts/${b}/complete`, {}, store)).data.order
      const bookings = await (getContainer().resolve("booking") as any).listBookings({ order_id: order.id })
      expect(bookings.map((x: any) => [x.status, x.line_item_id, new Date(x.start_at).toISOString()])).toEqual([
        ["BOOKED", order.items[0].id, S], ["BOOKED", order.items[0].id, S],
      ])
      expect(new Set(bookings.map((x: any) => x.seat)).size).toBe(2)
    })

    it("carts racing for the last places of a slot: exactly one gets them", async () => {
      const { store, region, product, variantId } = await shop("race-shop", { capacity: 3 })
      const [slot] = (await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots
      const first = (await api.post("/store/carts", { region_id: region.id, email: "first@buyer.local" }, store)).data.cart.id
      await addSeats(store, first, variantId, 1, slot.start_at)
      const carts = await Promise.all(Array.from({ length: 8 }, async (_, i) =>
        (await api.post("/store/carts", { region_id: region.id, email: `pair${i}@buyer.local` }, store)).data.cart.id as string))
      // Each wants the last two places.
      const results = await Promise.all(carts.map((id) => outcome(addSeats(store, id, variantId, 2, slot.start_at))))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => !r.ok).every((r) => r.status === 409 && ["SLOT_UNAVAILABLE", "SLOT_CAPACITY_EXCEEDED"].includes(r.data.code))).toBe(true)
      const active = await (getContainer().resolve("booking") as any).listBookings({ product_id: product.id, status: ["HELD", "BOOKED"] })
      expect(active).toHaveLength(3)
    })

    it("30 concurrent add-to-carts of one slot (capacity 1): exactly one holds it; an expired hold frees it", async () => {
      const { store, region, product, variantId } = await shop("rush-shop")
      const [slot] = (await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots
      const carts: string[] = []
      for (let i = 0; i < 30; i += 10) {
        // One buyer each: Medusa creates a guest customer per new e-mail, and racing that for one e-mail fails.
        carts.push(...(await Promise.all(Array.from({ length: 10 }, async (_, j) => (await api.post("/store/carts", { region_id: region.id, email: `rush${i + j}@buyer.local` }, store)).data.cart.id))))
      }
      const results = await Promise.all(carts.map((id) =>
        outcome(api.post(`/store/carts/${id}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: slot.start_at } }, store))))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => !r.ok).every((r) => r.status === 409 && r.data.code === "SLOT_UNAVAILABLE")).toBe(true)
      expect((await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots.map((s: any) => s.start_at)).not.toContain(slot.start_at)

      // The TTL passes (job run with a clock 16 minutes ahead): the slot is offered and can be held again.
      const expired = await expireSlotHolds(getContainer(), new Date(Date.now() + 16 * 60_000))
      expect(expired).toHaveLength(1)
      expect((await slotsOf(store, product.id, new Date(Date.now() + 2 * DAY), 2)).slots.map((s: any) => s.start_at)).toContain(slot.start_at)
      const loser = carts[results.findIndex((r) => !r.ok)]
      const retry = await api.post(`/store/carts/${loser}/line-items`, { variant_id: variantId, quantity: 1, metadata: { slot_start: slot.start_at } }, store)
      expect(retry.status).toBe(200)
      // The winner's cart can no longer check out with its lapsed hold: the seat is someone else's now.
      const winner = carts[results.findIndex((r) => r.ok)]
      const pc = (await api.post("/store/payment-collections", { cart_id: winner }, store)).data.payment_collection
      const lapsed = await failing(api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store))
      expect(lapsed).toEqual({ status: 409, data: expect.objectContaining({ code: "SLOT_UNAVAILABLE" }) })
    })
  },
})
