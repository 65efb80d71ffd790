import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { signOrderToken } from "../../src/lib/orders/order-link"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { adminProduct, approvedMerchant, Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

/*
 * Issue 21 §4: a guest manages what they bought through the order's signed link, without an account —
 * cancel or reschedule a booking, cancel a line, report a problem — with the signed-in buyer's guards,
 * policies and fees, and a link for one order never reaches another (even of the same e-mail).
 */
jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_guest_moves"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_guest_moves", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, { SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_guest_moves" })
})
afterAll(async () => psp?.close())

const DAY = 24 * 3_600_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("lets a guest's order link cancel, reschedule and dispute on that order only, under the buyer's policy", () => plainErrors(async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const A = await approvedMerchant(api, admin, "guest-moves")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const session = await adminProduct(api, admin, { title: "Float session", amount: 100, salesChannelId, merchantId: A.merchant.id, kind: "SERVICE" })
      const lamp = await adminProduct(api, admin, { title: "Lamp", amount: 20, salesChannelId, merchantId: A.merchant.id, kind: "PHYSICAL" })
      const created = await api.post("/merchant/schedules", {
        product_id: session.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0;BYSECOND=0",
        slot_minutes: 60, capacity: 1, horizon_days: 30, min_notice_minutes: 0,
        free_cancel_hours: 24, cancel_fee_bps: 2500, reschedule_until_hours: 12, max_reschedules: 1, auto_confirm: true,
      }, A.owner)
      expect(created.status).toBe(201)
      const from = new Date(Date.now() + 3 * DAY)
      const slots = (await api.get(`/store/products/${session.id}/slots?from=${from.toISOString()}&to=${new Date(from.getTime() + 3 * DAY).toISOString()}`, store)).data.slots
      expect(slots.length).toBeGreaterThan(2)

      // One guest (no account), two checkouts with one e-mail: Medusa gives both orders the same guest customer.
      const email = "guest-moves@test.local"
      async function guestCheckout(items: { variant_id: string; quantity: number; metadata?: Record<string, unknown> }[]) {
        const cart = (await api.post("/store/carts", { region_id: region.id, email }, store)).data.cart
        for (const item of items) await api.post(`/store/carts/${cart.id}/line-items`, item, store)
        const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
        await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
        const done = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
        expect(done.data.type).toBe("order")
        return { order: done.data.order, token: done.data.order_link.token as string }
      }
      const first = await guestCheckout([
        { variant_id: session.variants[0].id, quantity: 1, metadata: { slot_start: slots[0].start_at } },
        { variant_id: lamp.variants[0].id, quantity: 1 },
      ])
      const second = await guestCheckout([{ variant_id: lamp.variants[0].id, quantity: 1 }])
      const customerOf = async (id: string) => (await api.get(`/admin/orders/${id}?fields=customer_id`, admin)).data.order.customer_id
      const guestCustomer = await customerOf(first.order.id)
      expect(guestCustomer).toMatch(/^cus_/)
      expect(await customerOf(second.order.id)).toBe(guestCustomer)

      const anonymous: Headers = { headers: { "x-publishable-api-key": store.headers["x-publishable-api-key"] } }
      const withToken = (path: string, token: string) => `${path}${path.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`
      const linesOf = async (orderId: string, token: string) => (await api.get(withToken(`/store/orders/${orderId}/lines`, token), anonymous)).data
      const A1 = `/store/orders/${first.order.id}`
      const B1 = `/store/orders/${second.order.id}`

      // The guest's link now reads the lines with the buyer's own moves.
      const read = await waitFor(() => linesOf(first.order.id, first.token), (d: any) => d.lines.find((l: any) => l.kind === "SERVICE")?.state === "CONFIRMED")
      expect(read.access).toEqual({ via: "link", may_move: true })
      const serviceLine = read.lines.find((l: any) => l.kind === "SERVICE")
      const lampLine = read.lines.find((l: any) => l.kind === "PHYSICAL")
      expect(lampLine.allowed_transitions).toEqual([{ name: "cancel", to: "CANCELLED" }])
      const otherLampLine = (await linesOf(second.order.id, second.token)).lines[0]

      // Refusals, each with its code: no token, a forged one, another order's, an expired one; a line of another order.
      const cancelBody = { to: "CANCELLED", reason: "changed my mind" }
      expect(await failing(api.post(`${B1}/lines/${otherLampLine.id}/transitions`, cancelBody, anonymous)))
        .toEqual({ status: 401, data: expect.objectContaining({ code: "UNAUTHORIZED" }) })
      const [exp] = first.token.split(".")
      for (const token of [`${exp}.${"A".repeat(43)}`, first.token, "garbage"]) {
        expect(await failing(api.post(withToken(`${B1}/lines/${otherLampLine.id}/transitions`, token), cancelBody, anonymous)))
          .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_INVALID" }) })
        expect(await failing(api.get(withToken(`${B1}/lines`, token), anonymous)))
          .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_INVALID" }) })
      }
      const expired = signOrderToken(second.order.id, { now: new Date(Date.now() - 2 * DAY), ttlSeconds: 60 })
      expect(await failing(api.post(withToken(`${B1}/lines/${otherLampLine.id}/transitions`, expired), cancelBody, anonymous)))
        .toEqual({ status: 401, data: expect.objectContaining({ code: "ORDER_LINK_EXPIRED" }) })
      // Order A's valid link naming order B's line under A's path: not A's line.
      expect(await failing(api.post(withToken(`${A1}/lines/${otherLampLine.id}/transitions`, first.token), cancelBody, anonymous)))
        .toEqual({ status: 404, data: expect.objectContaining({ code: "NOT_FOUND" }) })
      // The same goes for bookings and disputes: A's link on B is refused; in the header too.
      expect(await failing(api.get(`${B1}/lines/${otherLampLine.id}/disputes`, { headers: { ...anonymous.headers, "x-order-token": first.token } })))
        .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_INVALID" }) })
      expect(await failing(api.post(withToken(`${B1}/lines/${serviceLine.id}/booking/cancel`, first.token), {}, anonymous)))
        .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_INVALID" }) })
      expect(await failing(api.post(withToken(`${A1}/lines/${lampLine.id}/booking/cancel`, first.token), {}, anonymous)))
        .toEqual({ status: 404, data: expect.objectContaining({ code: "NOT_FOUND" }) })
      // Nothing of B moved.
      expect((await linesOf(second.order.id, second.token)).lines[0].state).toBe("PAID")

      // The booking through the link: the same terms as My bookings (free until 24 h before, one move).
      const booking = (await api.get(withToken(`${A1}/lines/${serviceLine.id}/booking`, first.token), anonymous)).data.booking
      expect(booking).toEqual(expect.objectContaining({ status: "BOOKED", start_at: new Date(slots[0].start_at).toISOString() }))
      expect(booking.cancel).toEqual(expect.objectContaining({ allowed: true, free: true }))
      expect(booking.reschedule).toEqual({ allowed: true, remaining: 0 }) // one move allowed: none left after it
      const moved = (await api.post(withToken(`${A1}/lines/${serviceLine.id}/booking/reschedule`, first.token), { slot_start: slots[2].start_at }, anonymous)).data.booking
      expect(moved).toEqual(expect.objectContaining({ status: "BOOKED", start_at: new Date(slots[2].start_at).toISOString() }))
      expect(moved.reschedule).toEqual(expect.objectContaining({ allowed: false, code: "RESCHEDULE_LIMIT_REACHED" }))
      expect(await failing(api.post(withToken(`${A1}/lines/${serviceLine.id}/booking/reschedule`, first.token), { slot_start: slots[1].start_at }, anonymous)))
        .toEqual({ status: 422, data: expect.objectContaining({ code: "RESCHEDULE_LIMIT_REACHED" }) })
      // The first slot is free again, the new one taken (capacity 1).
      const after = (await api.get(`/store/products/${session.id}/slots?from=${from.toISOString()}&to=${new Date(from.getTime() + 3 * DAY).toISOString()}`, store)).data.slots
      expect(after.find((s: any) => s.start_at === slots[0].start_at)?.remaining).toBe(1)
      expect(after.find((s: any) => s.start_at === slots[2].start_at)?.remaining ?? 0).toBe(0)

      // Report a problem on the lamp once the seller captured it; the thread is the guest's, on this order only.
      await api.post(`/merchant/orders/${first.order.id}/lines/${lampLine.id}/transitions`, { to: "FULFILLING" }, A.owner)
      const opened = await api.post(withToken(`${A1}/lines/${lampLine.id}/disputes`, first.token), { reason: "DAMAGED", message: "The shade is cracked" }, anonymous)
      expect(opened.status).toBe(201)
      expect(opened.data.dispute).toEqual(expect.objectContaining({ status: "OPEN", order_id: first.order.id, customer_id: guestCustomer }))
      const disputeId = opened.data.dispute.id
      const replied = await api.post(withToken(`${A1}/lines/${lampLine.id}/disputes/${disputeId}/messages`, first.token), { body: "Photo attached later" }, anonymous)
      expect(replied.data.dispute.messages.map((m: any) => [m.author_type, m.body])).toEqual([["buyer", "The shade is cracked"], ["buyer", "Photo attached later"]])
      const listed = (await api.get(withToken(`${A1}/lines/${lampLine.id}/disputes`, first.token), anonymous)).data.disputes
      expect(listed.map((d: any) => [d.id, d.messages.length])).toEqual([[disputeId, 2]])
      // Order B's link, same guest customer: sees none of A's disputes, cannot write in one.
      expect((await api.get(withToken(`${B1}/lines/${otherLampLine.id}/disputes`, second.token), anonymous)).data.disputes).toEqual([])
      expect(await failing(api.post(withToken(`${B1}/lines/${otherLampLine.id}/disputes/${disputeId}/messages`, second.token), { body: "hi" }, anonymous)))
        .toEqual({ status: 404, data: expect.objectContaining({ code: "NOT_FOUND" }) })

      // Cancel the booking (more than 24 h ahead: free, everything refunded) and order B's lamp.
      const cancelled = (await api.post(withToken(`${A1}/lines/${serviceLine.id}/booking/cancel`, first.token), {}, anonymous)).data.booking
      expect(cancelled.status).toBe("CANCELLED")
      const serviceAfter = (await linesOf(first.order.id, first.token)).lines.find((l: any) => l.id === serviceLine.id)
      expect(serviceAfter.state).toBe("CANCELLED")
      expect(Number(serviceAfter.refunded_amount)).toBe(100)
      expect(serviceAfter.history.at(-1)).toEqual(expect.objectContaining({ to: "CANCELLED", actor_type: "buyer" }))
      const lampB = (await api.post(withToken(`${B1}/lines/${otherLampLine.id}/transitions`, second.token), cancelBody, anonymous)).data.line
      expect(lampB).toEqual(expect.objectContaining({ state: "CANCELLED" }))
      // A guest is still refused what the process gives only the seller.
      expect(await failing(api.post(withToken(`${A1}/lines/${lampLine.id}/transitions`, first.token), { to: "SHIPPED" }, anonymous)))
        .toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR" }) })
    }))
  },
})

/** An HTTP error from axios holds circular request objects jest cannot pass between processes: name it plainly. */
async function plainErrors(body: () => Promise<void>) {
  try {
    await body()
  } catch (e: any) {
    if (e?.response) throw new Error(`${e.config?.method?.toUpperCase()} ${e.config?.url} answered ${e.response.status}: ${JSON.stringify(e.response.data)}`)
    throw e
  }
}
