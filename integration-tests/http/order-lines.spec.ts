import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { runDueLineTimers } from "../../src/workflows/order-lines/run-line-timers"
import { adminProduct, approvedMerchant, Headers, placeOrder, productBody } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"
import { signOrderToken } from "../../src/lib/orders/order-link"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    it("runs each line of a mixed two-merchant order through its own process", async () => {
      const { admin, store: storeHeaders, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = storeHeaders.headers["x-publishable-api-key"]
      const A = await approvedMerchant(api, admin, "lamp-shop")
      const B = await approvedMerchant(api, admin, "wellness")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }, admin)).data.region
      const product = (title: string, merchantId: string, kind: string, amount: number) =>
        adminProduct(api, admin, { title, amount, salesChannelId, merchantId, kind })
      const lamp = await product("Lamp", A.merchant.id, "PHYSICAL", 20)
      const massage = await product("Massage", B.merchant.id, "SERVICE", 60)
      const course = await product("Yoga course", B.merchant.id, "COURSE", 15)

      // A signed-in buyer checks out one cart holding all three kinds.
      const email = "buyer@test.local"
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Bea" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      const buyer: Headers = { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
      const cart = (await api.post("/store/carts", { region_id: region.id }, buyer)).data.cart
      for (const p of [lamp, massage, course]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, buyer)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, buyer)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" }, buyer)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, buyer)).data.order.id

      // Manual payment (an operator enabled it for this region): nothing is captured and no escrow is
      // credited until staff record the money as received.
      const manual = `/admin/orders/${orderId}/manual-payment`
      expect((await api.get(manual, admin)).data.manual_payment).toEqual(expect.objectContaining({ status: "awaiting", amount: 9500, received_amount: 0, currency_code: "eur" }))
      const placed = await waitFor(async () => (await api.get(`/store/orders/${orderId}/lines`, buyer)).data.lines, (ls: any[]) => ls.length === 3)
      const unpaidLamp = `/merchant/orders/${orderId}/lines/${placed.find((l: any) => l.kind === "PHYSICAL").id}/transitions`
      expect(await failing(api.post(unpaidLamp, { to: "FULFILLING" }, A.owner))).toEqual({ status: 422, data: expect.objectContaining({ code: "MANUAL_PAYMENT_NOT_RECEIVED" }) })
      // 10 received: not enough for the course (15), which stays PAID; more than is awaited is refused.
      const partly = await api.post(`${manual}/received`, { amount: 10, reference: "bank transfer 0042" }, admin)
      expect(partly.data.manual_payment).toEqual(expect.objectContaining({ status: "partially_received", received_amount: 1000, outstanding_amount: 8500 }))
      expect(partly.data.receipt).toEqual(expect.objectContaining({ amount: 1000, reference: "bank transfer 0042" }))
      expect((await api.get(`/store/orders/${orderId}/lines`, buyer)).data.lines.find((l: any) => l.kind === "COURSE").state).toBe("PAID")
      expect((await api.get(`/admin/orders/${orderId}/splits`, admin)).data.ledger).toEqual([])
      expect(await failing(api.post(`${manual}/received`, { amount: 85.01 }, admin))).toEqual({ status: 422, data: expect.objectContaining({ code: "MANUAL_PAYMENT_EXCEEDS_AMOUNT", field: "amount" }) })
      expect((await failing(api.post(`${manual}/received`, { amount: 1, bogus: true }, admin))).status).toBe(400)
      // The rest, sent twice with one idempotency key (a double click): recorded once; the course is granted now.
      const rest = { headers: { ...admin.headers, "x-idempotency-key": "received-rest" } }
      const [full, again] = await Promise.all([api.post(`${manual}/received`, {}, rest), api.post(`${manual}/received`, {}, rest)])
      expect(again.data).toEqual(full.data)
      expect(full.data.manual_payment).toEqual(expect.objectContaining({ status: "received", received_amount: 9500, outstanding_amount: 0 }))
      expect(full.data.manual_payment.receipts).toHaveLength(2)
      expect(await failing(api.post(`${manual}/received`, {}, admin))).toEqual({ status: 409, data: expect.objectContaining({ code: "MANUAL_PAYMENT_ALREADY_RECEIVED" }) })

      // Placed and paid: physical and service are PAID; the course is granted (and captured).
      const lines = await waitFor(
        async () => (await api.get(`/store/orders/${orderId}/lines`, buyer)).data.lines,
        (ls: any[]) => ls.find((l) => l.kind === "COURSE")?.state === "ACCESS_GRANTED"
      )
      const byKind = Object.fromEntries(lines.map((l: any) => [l.kind, l]))
      expect(byKind.PHYSICAL).toEqual(expect.objectContaining({ state: "PAID", process_version: 2, title: "Lamp" }))
      expect(byKind.PHYSICAL.history.map((h: any) => `${h.from}>${h.to}`)).toEqual(["NEW>RESERVED", "RESERVED>PAID"])
      expect(byKind.SERVICE.state).toBe("PAID")
      expect(byKind.COURSE.state).toBe("ACCESS_GRANTED")
      expect(byKind.PHYSICAL.allowed_transitions).toEqual([{ name: "cancel", to: "CANCELLED" }])

      // Merchant A sees and moves only its own line.
      const aLines = (await api.get(`/merchant/orders/${orderId}/lines`, A.owner)).data.lines
      expect(aLines.map((l: any) => l.title)).toEqual(["Lamp"])
      expect(aLines[0].allowed_transitions.map((t: any) => t.to).sort()).toEqual(["CANCELLED", "FULFILLING"])
      const lampLine = `/merchant/orders/${orderId}/lines/${byKind.PHYSICAL.id}/transitions`

      expect(await failing(api.post(lampLine, { to: "SHIPPED" }, A.owner))).toEqual({ status: 409, data: expect.objectContaining({ code: "INVALID_TRANSITION" }) })
      expect(await failing(api.post(lampLine, { to: "FULFILLING" }, B.owner))).toEqual({ status: 404, data: expect.objectContaining({ code: "NOT_FOUND" }) })
      const buyerTry = await failing(api.post(`/store/orders/${orderId}/lines/${byKind.PHYSICAL.id}/transitions`, { to: "FULFILLING" }, buyer))
      expect(buyerTry).toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR" }) })

      const fulfilling = await api.post(lampLine, { to: "FULFILLING" }, A.owner)
      expect(fulfilling.data.line).toEqual(expect.objectContaining({ state: "FULFILLING" }))
      expect(Number(fulfilling.data.line.captured_amount)).toBe(20)

      const noTracking = await failing(api.post(lampLine, { to: "SHIPPED" }, A.owner))
      expect(noTracking).toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_GUARD_FAILED" }) })
      await api.post(lampLine, { to: "SHIPPED", carrier: "DHL", tracking_number: "JD0001" }, A.owner)

      // The buyer follows the line, tracking included; history says who did what.
      const after = (await api.get(`/store/orders/${orderId}/lines`, buyer)).data.lines.find((l: any) => l.kind === "PHYSICAL")
      expect(after).toEqual(expect.objectContaining({ state: "SHIPPED", carrier: "DHL", tracking_number: "JD0001" }))
      expect(after.history.slice(-2).map((h: any) => [h.to, h.actor_type])).toEqual([["FULFILLING", "merchant"], ["SHIPPED", "merchant"]])

      // Captures per line: lamp (20) + course (15) of 95 authorized.
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_status,payment_collections.payments.captures.amount`, admin)).data.order
      expect(order.payment_status).toBe("partially_captured")
      const captured = order.payment_collections.flatMap((pc: any) => pc.payments).flatMap((p: any) => p.captures).map((c: any) => Number(c.amount)).sort((x: number, y: number) => x - y)
      expect(captured).toEqual([15, 20])

      // Per-line refunds: partial, never above what was captured for the line; a cancel refunds the rest.
      const lampRefunds = `/merchant/orders/${orderId}/lines/${byKind.PHYSICAL.id}/refunds`
      const keyed = { headers: { ...A.owner.headers, "x-idempotency-key": "refund-lamp-1" } }
      const [partial, retried] = await Promise.all([
        api.post(lampRefunds, { amount: 5, reason: "scratched shade" }, keyed),
        api.post(lampRefunds, { amount: 5, reason: "scratched shade" }, keyed),
      ])
      expect(partial.data).toEqual(expect.objectContaining({ refunded_minor: 500 }))
      expect(retried.data).toEqual(partial.data) // the retry is a replay: money moved once
      expect(Number(partial.data.line.refunded_amount)).toBe(5)
      expect(await failing(api.post(lampRefunds, { amount: 15.01, reason: "too much" }, A.owner))).toEqual({
        status: 422, data: expect.objectContaining({ code: "REFUND_EXCEEDS_CAPTURED", field: "amount" }),
      })
      const massageRefund = await failing(api.post(`/admin/orders/${orderId}/lines/${byKind.SERVICE.id}/refunds`, { reason: "not captured yet" }, admin))
      expect(massageRefund).toEqual({ status: 422, data: expect.objectContaining({ code: "NOTHING_TO_REFUND" }) })
      // The service line is cancelled before capture: no money moves, its part is never captured.
      const cancelled = await api.post(`/admin/orders/${orderId}/lines/${byKind.SERVICE.id}/transitions`, { to: "CANCELLED", reason: "provider ill" }, admin)
      expect(cancelled.data.line).toEqual(expect.objectContaining({ state: "CANCELLED", refunded_amount: 0 }))

      const summary = (await api.get(`/admin/orders/${orderId}/lines`, admin)).data.summary
      expect(summary).toEqual(expect.objectContaining({ payment_status: "partially_refunded", captured: "35.00", refunded: "5.00", to_capture: "0.00" }))
      // Medusa's own aggregate calls this "refunded" (it weighs partial capture and partial refund alike).
      const money = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.refunds.amount,payment_collections.payments.refunds.note`, admin)).data.order
      const refunds = money.payment_collections.flatMap((pc: any) => pc.payments).flatMap((p: any) => p.refunds)
      expect(refunds.map((r: any) => Number(r.amount))).toEqual([5])
      expect(refunds[0].note).toContain("Lamp")
      // Medusa booked the refund against an order change (a credit line), so its summary agrees.
      const medusaOrder = (await api.get(`/admin/orders/${orderId}?fields=credit_lines.amount,summary.*`, admin)).data.order
      expect(medusaOrder.credit_lines.map((c: any) => Number(c.amount))).toEqual([5])

      // Operators see every line and their own allowed moves; another buyer sees nothing.
      const adminLines = (await api.get(`/admin/orders/${orderId}/lines`, admin)).data.lines
      expect(adminLines).toHaveLength(3)
      const other = await api.post("/auth/customer/emailpass/register", { email: "other@test.local", password: "buyer-pass-2" })
      await api.post("/store/customers", { email: "other@test.local" }, { headers: { authorization: `Bearer ${other.data.token}`, "x-publishable-api-key": pk } })
      const otherLogin = await api.post("/auth/customer/emailpass", { email: "other@test.local", password: "buyer-pass-2" })
      const peek = await failing(api.get(`/store/orders/${orderId}/lines`, { headers: { authorization: `Bearer ${otherLogin.data.token}`, "x-publishable-api-key": pk } }))
      expect(peek.status).toBe(404)

      // The order is in an account: its signed link (confirmation page, e-mail) reads the lines without
      // moves; another order's token reads nothing (403), no token neither (401), and a move through the
      // link needs that account signed in (guest orders: guest-order-moves.spec.ts).
      const anonymous = { headers: { "x-publishable-api-key": pk } }
      const asGuest = (await api.get(`/store/orders/${orderId}/lines?token=${encodeURIComponent(signOrderToken(orderId))}`, anonymous)).data.lines
      expect(asGuest.map((l: any) => [l.kind, l.state, l.allowed_transitions]).sort()).toEqual(adminLines.map((l: any) => [l.kind, l.state, []]).sort())
      expect(await failing(api.get(`/store/orders/${orderId}/lines?token=${encodeURIComponent(signOrderToken("order_other"))}`, anonymous)))
        .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_INVALID" }) })
      expect((await failing(api.get(`/store/orders/${orderId}/lines`, anonymous))).status).toBe(401)
      const line = asGuest.find((l: any) => l.kind === "PHYSICAL")
      expect(await failing(api.post(`/store/orders/${orderId}/lines/${line.id}/transitions?token=${encodeURIComponent(signOrderToken(orderId))}`, { to: "CANCELLED", reason: "guest" }, anonymous)))
        .toEqual({ status: 403, data: expect.objectContaining({ code: "ORDER_LINK_SIGN_IN_REQUIRED" }) })
    })

    it("closes delivered lines and expires reservations when their timers are due", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const A = await approvedMerchant(api, admin, "timer-shop")
      const lamp = (await api.post("/merchant/products", productBody("Timer lamp", { variants: [{ title: "Default", options: { Format: "Default" },
        manage_inventory: false, prices: [{ currency_code: "eur", amount: 5 }] }] }), A.owner)).data.product
      const order = await placeOrder(container, [{ variant_id: lamp.variants[0].id, title: "Timer lamp", unit_price: 5 }])
      const [line] = (await api.get(`/admin/orders/${order.id}/lines`, admin)).data.lines
      const service: any = container.resolve(ORDER_LINES_MODULE)
      // Skip the capture (no payment on this order) by moving the line to DELIVERED directly, a day ago.
      await service.updateOrderLines({ id: line.id, state: "DELIVERED", state_entered_at: new Date(Date.now() - 24 * 3600 * 1000) })

      const early = await runDueLineTimers(container, new Date(), { AUTO_CLOSE_MS: 7 * 24 * 3600 * 1000 })
      expect(early.moved).toEqual([])
      const due = await runDueLineTimers(container, new Date(), { AUTO_CLOSE_MS: 3600 * 1000 })
      expect(due).toEqual({ moved: [line.id], failed: [] })
      const closed = (await api.get(`/admin/orders/${order.id}/lines`, admin)).data.lines[0]
      expect(closed.state).toBe("CLOSED")
      expect(closed.history.at(-1)).toEqual(expect.objectContaining({ actor_type: "system", reason: "timer: auto_close" }))
      // Running again changes nothing.
      expect((await runDueLineTimers(container, new Date(), { AUTO_CLOSE_MS: 0 })).moved).toEqual([])

      await service.updateOrderLines({ id: line.id, state: "RESERVED", state_entered_at: new Date(Date.now() - 60 * 1000) })
      expect((await runDueLineTimers(container, new Date(), { RESERVATION_TTL_MS: 30 * 1000 })).moved).toEqual([line.id])
      expect((await api.get(`/admin/orders/${order.id}/lines`, admin)).data.lines[0].state).toBe("CANCELLED")
    })
  },
})
