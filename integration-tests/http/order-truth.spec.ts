import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { sandboxPspFigures } from "../../src/workflows/marketplace-money/psp-figures"
import { verifyMoney } from "../../src/workflows/marketplace-money/verify-money"
import { checkoutActors, inventoryItemOf, levelsOf, merchantLocationOf, outcome, setStock } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { adminProduct, approvedMerchant, customerSession, parcelShipping, type Headers } from "../helpers/merchants"
import { nativeAdminWriteRoutes } from "../helpers/native-routes"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// One order truth (issue 16 §1, §2): the line engine and Medusa's own order flows are one system.
// Whatever client operates the order — our line API or Medusa's admin routes through its js-sdk —
// the lines, Medusa's fulfilments and summary, the PSP and the ledger end up agreeing.
const sandbox = withSandboxPsp("truth", { VERIFY_MONEY_GRACE_MS: "0" })

/**
 * Every Medusa admin route that changes an order, its payments, fulfilments, returns, claims,
 * exchanges or edits (issue 16 §2), and what it does on a marketplace order: acts through the lines
 * (tested in the named test), refused before anything changes (run below on a real order), passes
 * (it touches nothing the lines own), or cannot be reached (it works on something whose creation is
 * refused). A Medusa upgrade that adds a route fails the first test until the route has a rule.
 */
const LINE = (test: string) => ({ rule: "line", why: test })
const REFUSED = { rule: "refused", why: "run in the refusal test below" }
const RETURN_EDIT = { rule: "refused", why: "a line's return is the buyer's request as made (returns test)" }
const PENDING = { rule: "passes", why: "records a pending return receipt; its confirm is the line move" }
const NO_CLAIM = { rule: "unreachable", why: "works on a claim, and POST /admin/claims is refused" }
const NO_EXCHANGE = { rule: "unreachable", why: "works on an exchange, and POST /admin/exchanges is refused" }
const NO_EDIT = { rule: "unreachable", why: "works on an order edit, and POST /admin/order-edits is refused" }
const NATIVE_ADMIN_ROUTES: Record<string, { rule: string; why: string }> = {
  "POST /admin/orders/:id": { rule: "passes", why: "email, addresses and metadata only" },
  "POST /admin/orders/:id/archive": { rule: "passes", why: "hides the order from lists" },
  "POST /admin/orders/:id/transfer": { rule: "passes", why: "who owns the order, not what it holds" },
  "POST /admin/orders/:id/transfer/cancel": { rule: "passes", why: "who owns the order, not what it holds" },
  "POST /admin/orders/:id/transfer/guest": { rule: "passes", why: "who owns the order, not what it holds" },
  "POST /admin/orders/export": { rule: "passes", why: "reads" },
  "POST /admin/order-changes/:id": { rule: "passes", why: "a change's note or promotion carry-over; the only changes on marketplace orders are line returns, completed at once" },
  "POST /admin/orders/:id/fulfillments": LINE("turns the Medusa admin's fulfil, ship and deliver"),
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/shipments": LINE("turns the Medusa admin's fulfil, ship and deliver"),
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered": LINE("turns the Medusa admin's fulfil, ship and deliver"),
  "POST /admin/orders/:id/cancel": LINE("cancels a whole order from the Medusa admin line by line"),
  "POST /admin/payments/:id/capture": LINE("turns the Medusa admin's fulfil, ship and deliver"),
  "POST /admin/returns/:id/receive/confirm": LINE("receives or cancels a line's return"),
  "POST /admin/returns/:id/cancel": LINE("receives or cancels a line's return"),
  "DELETE /admin/returns/:id/request": LINE("receives or cancels a line's return"),
  "POST /admin/orders/:id/complete": REFUSED,
  "POST /admin/orders/:id/credit-lines": REFUSED,
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel": REFUSED,
  "POST /admin/orders/:id/payment-sessions/authorize": REFUSED,
  "POST /admin/payments/:id/refund": REFUSED,
  "POST /admin/payment-collections": REFUSED,
  "POST /admin/payment-collections/:id/mark-as-paid": REFUSED,
  "POST /admin/payment-collections/:id/payment-sessions": REFUSED,
  "DELETE /admin/payment-collections/:id": REFUSED,
  "POST /admin/fulfillments": REFUSED,
  "POST /admin/fulfillments/:id/shipment": REFUSED,
  "POST /admin/fulfillments/:id/cancel": REFUSED,
  "POST /admin/order-edits": REFUSED,
  "POST /admin/returns": REFUSED,
  "POST /admin/claims": REFUSED,
  "POST /admin/exchanges": REFUSED,
  "POST /admin/returns/:id": RETURN_EDIT,
  "POST /admin/returns/:id/request": RETURN_EDIT,
  ...Object.fromEntries(["request-items", "shipping-method", "dismiss-items"].flatMap((tail) => [
    [`POST /admin/returns/:id/${tail}`, RETURN_EDIT], [`POST /admin/returns/:id/${tail}/:action_id`, RETURN_EDIT], [`DELETE /admin/returns/:id/${tail}/:action_id`, RETURN_EDIT],
  ])),
  "POST /admin/returns/:id/receive": PENDING,
  "DELETE /admin/returns/:id/receive": PENDING,
  "POST /admin/returns/:id/receive-items": PENDING,
  "POST /admin/returns/:id/receive-items/:action_id": PENDING,
  "DELETE /admin/returns/:id/receive-items/:action_id": PENDING,
  ...Object.fromEntries(nativeAdminWriteRoutes(["claims"]).filter((r) => r !== "POST /admin/claims").map((r) => [r, NO_CLAIM])),
  ...Object.fromEntries(nativeAdminWriteRoutes(["exchanges"]).filter((r) => r !== "POST /admin/exchanges").map((r) => [r, NO_EXCHANGE])),
  ...Object.fromEntries(nativeAdminWriteRoutes(["order-edits"]).filter((r) => r !== "POST /admin/order-edits").map((r) => [r, NO_EDIT])),
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    /** A guest order of a kettle (merchant A, stock 5 at A's location), a massage and a course (merchant B). */
    async function placeMixedOrder(asCustomer = false) {
      const { admin, store: guest, salesChannelId } = await checkoutActors(getContainer(), api)
      const store = asCustomer ? await customerSession(api, guest.headers["x-publishable-api-key"], "truth-buyer@test.local", "Tru") : guest
      const A = await approvedMerchant(api, admin, "kettles")
      const B = await approvedMerchant(api, admin, "studio")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const { option, profile } = await parcelShipping(api, admin, A.merchant.id, 7)
      const kettle = (await api.post("/admin/products", {
        title: "Kettle", status: "published", shipping_profile_id: profile.id, options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] }],
        sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: A.merchant.id, kind: "PHYSICAL" },
      }, admin)).data.product
      await setStock(api, A.owner, kettle.id, kettle.variants[0].id, 5)
      const massage = await adminProduct(api, admin, { title: "Massage", amount: 60, salesChannelId, merchantId: B.merchant.id, kind: "SERVICE" })
      const course = await adminProduct(api, admin, { title: "Yoga course", amount: 15, salesChannelId, merchantId: B.merchant.id, kind: "COURSE" })
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "truth@test.local" }, store)).data.cart
      for (const p of [kettle, massage, course]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, store)
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data.order.id
      // The course is granted by a subscriber right after the order is placed: the move, then its capture and delivery.
      const lines = await waitFor(async () => (await api.get(`/admin/orders/${orderId}/lines`, admin)).data.lines, (ls: any[]) => ls.find((l) => l.kind === "COURSE")?.state === "ACCESS_GRANTED")
      const courseLine = lines.find((l: any) => l.kind === "COURSE")
      const granted = await waitFor(() => lineRow(courseLine.id), (row: any) => Number(row.captured_amount) === 15 && !!row.fulfillment_id)
      await waitFor(() => medusaOrder(admin, orderId), (o: any) => !!o.fulfillments.find((f: any) => f.id === granted.fulfillment_id)?.delivered_at)
      await drainEventBus(getContainer())
      const byKind = Object.fromEntries(lines.map((l: any) => [l.kind, l]))
      const inventoryItemId = await inventoryItemOf(getContainer(), kettle.variants[0].id)
      const locationId = await merchantLocationOf(getContainer(), A.merchant.id)
      return { admin, store, A, B, orderId, kettle: byKind.PHYSICAL, massage: byKind.SERVICE, course: byKind.COURSE, inventoryItemId, locationId }
    }

    const lineRow = async (id: string) => (await getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ id }))[0]
    const medusaOrder = async (admin: Headers, orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=+fulfillments.labels.*`, admin)).data.order
    const fulfilmentOf = (order: any, fulfillmentId: string) => order.fulfillments.find((f: any) => f.id === fulfillmentId)
    const adminSdk = (admin: Headers) => {
      const sdk = new Medusa({ baseUrl: api.defaults.baseURL, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
      void sdk.client.setToken(admin.headers.authorization.replace(/^Bearer /, ""))
      return sdk
    }
    const sdkOutcome = async (p: Promise<any>) => {
      try {
        return { status: 200, data: await p }
      } catch (e: any) {
        return { status: e.status, data: { message: e.message } }
      }
    }
    const expectMoneyConsistent = async () => {
      const report = await waitFor(() => verifyMoney(getContainer(), { psp: sandboxPspFigures() }), (r) => r.ok, 20000)
      expect(report.violations).toEqual([])
    }

    it("drives Medusa's fulfilment, shipment, delivery and return from the line moves, for goods, services and courses", async () => {
      const { admin, store, A, B, orderId, kettle, massage, course, inventoryItemId, locationId } = await placeMixedOrder(true)
      // The course's grant was its delivery: Medusa has a delivered fulfilment without shipping for it.
      const granted = await lineRow(course.id)
      expect(granted.fulfillment_id).toBeTruthy()
      let order = await medusaOrder(admin, orderId)
      expect(fulfilmentOf(order, granted.fulfillment_id)).toEqual(expect.objectContaining({ requires_shipping: false, delivered_at: expect.any(String) }))
      expect(order.fulfillment_status).toBe("partially_delivered")
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 5, reserved: 1 } })

      // Goods: start of fulfilment → Medusa fulfilment at A's location; the unit leaves stock and its reservation.
      const lineApi = (owner: Headers, lineId: string, body: any) => outcome(api.post(`/merchant/orders/${orderId}/lines/${lineId}/transitions`, body, owner))
      expect((await lineApi(A.owner, kettle.id, { to: "FULFILLING" })).status).toBe(200)
      const started = await lineRow(kettle.id)
      order = await medusaOrder(admin, orderId)
      expect(fulfilmentOf(order, started.fulfillment_id)).toEqual(expect.objectContaining({ location_id: locationId, packed_at: expect.any(String), shipped_at: null }))
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 4, reserved: 0 } })
      // Shipping puts the tracking number on Medusa's fulfilment as its label; delivery marks it delivered.
      expect((await lineApi(A.owner, kettle.id, { to: "SHIPPED", carrier: "DHL", tracking_number: "JD0142" })).status).toBe(200)
      order = await medusaOrder(admin, orderId)
      expect(fulfilmentOf(order, started.fulfillment_id)).toEqual(expect.objectContaining({ shipped_at: expect.any(String) }))
      expect(fulfilmentOf(order, started.fulfillment_id).labels.map((l: any) => l.tracking_number)).toEqual(["JD0142"])
      expect((await lineApi(A.owner, kettle.id, { to: "DELIVERED" })).status).toBe(200)

      // A service sold by appointment: confirmed (captured) → fulfilment without shipping; served → delivered.
      expect((await lineApi(B.owner, massage.id, { to: "CONFIRMED" })).status).toBe(200)
      const confirmed = await lineRow(massage.id)
      expect(fulfilmentOf(await medusaOrder(admin, orderId), confirmed.fulfillment_id)).toEqual(expect.objectContaining({ requires_shipping: false, delivered_at: null }))
      expect((await lineApi(B.owner, massage.id, { to: "SERVED" })).status).toBe(200)

      order = await medusaOrder(admin, orderId)
      expect(order.fulfillments).toHaveLength(3)
      expect(order.fulfillment_status).toBe("delivered")
      expect(order.payment_status).toBe("captured")
      await expectMoneyConsistent()

      // Returns (PHYSICAL v2): the buyer asks to return the delivered kettle → Medusa return requested.
      const buyerMove = (body: any) => outcome(api.post(`/store/orders/${orderId}/lines/${kettle.id}/transitions`, body, store))
      expect((await buyerMove({ to: "RETURN_REQUESTED", reason: "Too small" })).status).toBe(200)
      const requested = await lineRow(kettle.id)
      const returnOf = async () => (await api.get(`/admin/returns/${requested.return_id}?fields=id,status,location_id`, admin)).data.return
      expect(await returnOf()).toEqual(expect.objectContaining({ status: "requested", location_id: locationId }))
      // The buyer cannot receive it; the merchant does: stock back at A's location, the line's 10.00 refunded.
      expect(await buyerMove({ to: "RETURNED" })).toEqual(expect.objectContaining({ status: 409, data: expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR" }) }))
      expect((await lineApi(A.owner, kettle.id, { to: "RETURNED" })).status).toBe(200)
      expect(await returnOf()).toEqual(expect.objectContaining({ status: "received" }))
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 5, reserved: 0 } })
      expect(await lineRow(kettle.id)).toEqual(expect.objectContaining({ state: "RETURNED", refunded_amount: 10 }))
      // Medusa's summary owes the buyer nothing more: the refund settled what the return made due.
      const summary = (await api.get(`/admin/orders/${orderId}?fields=summary`, admin)).data.order.summary
      expect(Number(summary.pending_difference)).toBe(0)
      expect((await medusaOrder(admin, orderId)).payment_status).toBe("partially_refunded")
      await expectMoneyConsistent()
    })

    it("turns the Medusa admin's fulfil, ship and deliver (through the js-sdk) into line moves, and refuses what would bypass them", async () => {
      const { admin, orderId, kettle, massage, course, inventoryItemId, locationId } = await placeMixedOrder()
      const sdk = adminSdk(admin)
      // "Capture payment" sends the payment's whole amount: every line still waiting is captured through the engine (they keep their states).
      const { data: [withPayment] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["payment_collections.payments.id", "payment_collections.payments.amount"], filters: { id: orderId } })
      const payment = (withPayment as any).payment_collections[0].payments[0]
      await sdk.admin.payment.capture(payment.id, { amount: Number(payment.amount) })
      expect([(await lineRow(kettle.id)).state, Number((await lineRow(kettle.id)).captured_amount), Number((await lineRow(massage.id)).captured_amount)]).toEqual(["PAID", 10, 60])
      // "Fulfill items" for the kettle and the massage: the kettle starts fulfilment, the booking is confirmed, both captured.
      await sdk.admin.order.createFulfillment(orderId, { location_id: locationId, items: [{ id: kettle.line_item_id, quantity: 1 }, { id: massage.line_item_id, quantity: 1 }] })
      const [k1, m1] = [await lineRow(kettle.id), await lineRow(massage.id)]
      expect([k1.state, m1.state]).toEqual(["FULFILLING", "CONFIRMED"])
      expect([Number(k1.captured_amount), Number(m1.captured_amount)]).toEqual([10, 60])
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 4, reserved: 0 } })
      // Fulfilling again, or part of a line, is refused before anything changes.
      expect((await sdkOutcome(sdk.admin.order.createFulfillment(orderId, { items: [{ id: kettle.line_item_id, quantity: 1 }] }))).status).toBe(409)

      // "Mark as shipped" with a label: the line ships with that tracking number. A service is not shipped.
      const label = { tracking_number: "TRK-7", tracking_url: "https://track.example/TRK-7", label_url: "https://label.example/TRK-7" }
      expect(await sdkOutcome(sdk.admin.order.createShipment(orderId, m1.fulfillment_id, { items: [{ id: massage.line_item_id, quantity: 1 }], labels: [label] })))
        .toEqual({ status: 422, data: { message: expect.stringContaining("services and courses are not shipped") } })
      await sdk.admin.order.createShipment(orderId, k1.fulfillment_id, { items: [{ id: kettle.line_item_id, quantity: 1 }], labels: [label] })
      expect(await lineRow(kettle.id)).toEqual(expect.objectContaining({ state: "SHIPPED", tracking_number: "TRK-7" }))
      // "Cancel fulfilment" would leave captured money with nothing to show for it: refused with the per-line way.
      expect(await outcome(api.post(`/admin/orders/${orderId}/fulfillments/${m1.fulfillment_id}/cancel`, {}, admin)))
        .toEqual(expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "NATIVE_OPERATION_PER_LINE" }) }))
      // "Mark as delivered": goods delivered, the service served.
      await sdk.admin.order.markAsDelivered(orderId, k1.fulfillment_id)
      await sdk.admin.order.markAsDelivered(orderId, m1.fulfillment_id)
      expect([(await lineRow(kettle.id)).state, (await lineRow(massage.id)).state, (await lineRow(course.id)).state]).toEqual(["DELIVERED", "SERVED", "ACCESS_GRANTED"])

      // Whole-order operations that cannot say whose line they change are refused; nothing moved.
      expect(await outcome(api.post(`/admin/orders/${orderId}/cancel`, {}, admin))).toEqual(expect.objectContaining({ status: 409, data: expect.objectContaining({ code: "ORDER_NOT_CANCELLABLE" }) }))
      for (const [path, body] of [
        ["/admin/order-edits", { order_id: orderId }],
        ["/admin/returns", { order_id: orderId }],
        ["/admin/claims", { order_id: orderId, type: "refund" }],
        ["/admin/exchanges", { order_id: orderId }],
        [`/admin/orders/${orderId}/credit-lines`, { amount: 5, reference: "order", reference_id: orderId }],
      ] as const) {
        expect([path, await outcome(api.post(path, body, admin))]).toEqual([path, expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "NATIVE_OPERATION_PER_LINE" }) })])
      }
      const order = await medusaOrder(admin, orderId)
      expect([order.status, order.fulfillment_status, order.payment_status]).toEqual(["pending", "delivered", "captured"])
      await expectMoneyConsistent()
    })

    it("receives or cancels a line's return through Medusa's own return routes (the admin's drawer), and refuses edits of it", async () => {
      const { admin, store, A, orderId, kettle, inventoryItemId, locationId } = await placeMixedOrder(true)
      const lineApi = (to: string, extra: any = {}) => outcome(api.post(`/merchant/orders/${orderId}/lines/${kettle.id}/transitions`, { to, ...extra }, A.owner))
      for (const [to, extra] of [["FULFILLING", {}], ["SHIPPED", { carrier: "DHL", tracking_number: "R-1" }], ["DELIVERED", {}]] as const) expect((await lineApi(to, extra)).status).toBe(200)
      const askReturn = async () => {
        expect((await outcome(api.post(`/store/orders/${orderId}/lines/${kettle.id}/transitions`, { to: "RETURN_REQUESTED", reason: "Too small" }, store))).status).toBe(200)
        return (await lineRow(kettle.id)).return_id as string
      }
      const returnOf = async (id: string) => (await api.get(`/admin/returns/${id}?fields=id,status,canceled_at,received_at`, admin)).data.return
      const refused = expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "NATIVE_OPERATION_PER_LINE" }) })

      // The return belongs to the line as the buyer asked for it: Medusa's edits of it are refused.
      let returnId = await askReturn()
      for (const [method, path, body] of [
        ["post", `/admin/returns/${returnId}/request-items`, { items: [{ id: kettle.line_item_id, quantity: 1 }] }],
        ["post", `/admin/returns/${returnId}/dismiss-items`, { items: [{ id: kettle.line_item_id, quantity: 1 }] }],
        ["post", `/admin/returns/${returnId}`, { location_id: locationId }],
      ] as const) {
        expect([path, await outcome((api as any)[method](path, body, admin))]).toEqual([path, refused])
      }
      // "Cancel return": the line's refusal move — back to DELIVERED, Medusa's return cancelled, nothing refunded.
      expect((await outcome(api.post(`/admin/returns/${returnId}/cancel`, {}, admin))).status).toBe(200)
      expect(await lineRow(kettle.id)).toEqual(expect.objectContaining({ state: "DELIVERED", return_id: null, refunded_amount: 0 }))
      expect((await returnOf(returnId)).canceled_at).toBeTruthy()

      // Asked again, then received in the admin's drawer: begin (pending receipt) → items → confirm.
      returnId = await askReturn()
      expect((await outcome(api.post(`/admin/returns/${returnId}/receive`, {}, admin))).status).toBe(200)
      // Confirming a receipt that does not hold the whole line is refused before anything moves.
      expect(await outcome(api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin))).toEqual(refused)
      expect((await lineRow(kettle.id)).state).toBe("RETURN_REQUESTED")
      expect((await returnOf(returnId)).status).toBe("requested")
      expect((await outcome(api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: kettle.line_item_id, quantity: 1 }] }, admin))).status).toBe(200)
      expect((await outcome(api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin))).status).toBe(200)
      // The line's receipt ran: Medusa's return received, the unit back on A's shelf, the line's 10.00 refunded and journaled.
      expect(await lineRow(kettle.id)).toEqual(expect.objectContaining({ state: "RETURNED", refunded_amount: 10 }))
      expect((await returnOf(returnId)).status).toBe("received")
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 5, reserved: 0 } })
      // A received return cannot be cancelled behind the refunded line.
      expect((await outcome(api.post(`/admin/returns/${returnId}/cancel`, {}, admin))).status).toBe(409)
      await expectMoneyConsistent()
    })

    it("completes Medusa's order once every line has ended", async () => {
      const { admin, A, B, orderId, kettle, massage, course } = await placeMixedOrder()
      const merchantMove = (owner: Headers, lineId: string, body: any) => outcome(api.post(`/merchant/orders/${orderId}/lines/${lineId}/transitions`, body, owner))
      const operatorMove = (id: string, lineId: string, to: string) => outcome(api.post(`/admin/orders/${id}/lines/${lineId}/transitions`, { to, reason: "test" }, admin))
      const statusOf = async (id: string) => (await medusaOrder(admin, id)).status
      // The booking is cancelled and the course refunded; the kettle still travels: the order stays pending.
      expect((await merchantMove(B.owner, massage.id, { to: "CANCELLED", reason: "closed that day" })).status).toBe(200)
      expect((await operatorMove(orderId, course.id, "REFUNDED")).status).toBe(200)
      for (const [to, extra] of [["FULFILLING", {}], ["SHIPPED", { carrier: "DHL", tracking_number: "C-1" }], ["DELIVERED", {}]] as const) {
        expect((await merchantMove(A.owner, kettle.id, { to, ...extra })).status).toBe(200)
      }
      await drainEventBus(getContainer())
      expect(await statusOf(orderId)).toBe("pending")
      // The delivered kettle is closed (its return window over): every line has ended and something was provided.
      expect((await operatorMove(orderId, kettle.id, "CLOSED")).status).toBe(200)
      expect(await waitFor(() => statusOf(orderId), (s) => s === "completed", 20000)).toBe("completed")
      // Nothing is left to cancel on a completed order (Medusa refuses it too).
      expect(await outcome(api.post(`/admin/orders/${orderId}/cancel`, {}, admin))).toEqual(expect.objectContaining({ status: 409, data: expect.objectContaining({ code: "ORDER_NOT_CANCELLABLE" }) }))
      await expectMoneyConsistent()
    })

    it("cancels Medusa's order when its lines are called off one by one by their merchants and the platform", async () => {
      const second = await placeMixedOrder()
      const { admin } = second
      const statusOf = async (id: string) => (await medusaOrder(admin, id)).status
      const operatorMove = (id: string, lineId: string, to: string) => outcome(api.post(`/admin/orders/${id}/lines/${lineId}/transitions`, { to, reason: "test" }, admin))
      expect((await outcome(api.post(`/merchant/orders/${second.orderId}/lines/${second.kettle.id}/transitions`, { to: "CANCELLED", reason: "out of stock" }, second.A.owner))).status).toBe(200)
      expect((await outcome(api.post(`/merchant/orders/${second.orderId}/lines/${second.massage.id}/transitions`, { to: "CANCELLED", reason: "ill" }, second.B.owner))).status).toBe(200)
      await drainEventBus(getContainer())
      expect(await statusOf(second.orderId)).toBe("pending")
      expect((await operatorMove(second.orderId, second.course.id, "REFUNDED")).status).toBe(200)
      expect(await waitFor(() => statusOf(second.orderId), (s) => s === "canceled", 20000)).toBe("canceled")
      await expectMoneyConsistent()
    })

    it("cancels a whole order from the Medusa admin line by line: stock back, captured money refunded, the rest released", async () => {
      const { admin, orderId, kettle, massage, course, inventoryItemId, locationId } = await placeMixedOrder()
      const order = await adminSdk(admin).admin.order.cancel(orderId)
      expect(order.order.status).toBe("canceled")
      expect([(await lineRow(kettle.id)).state, (await lineRow(massage.id)).state, (await lineRow(course.id)).state]).toEqual(["CANCELLED", "CANCELLED", "REFUNDED"])
      // The course (15.00) was captured at its grant and is refunded in full.
      expect(Number((await lineRow(course.id)).refunded_amount)).toBe(15)
      expect(await levelsOf(getContainer(), inventoryItemId)).toEqual({ [locationId]: { stocked: 5, reserved: 0 } })
      const { data: [o] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["payment_collections.payments.data"], filters: { id: orderId } })
      const intentId = (o as any).payment_collections[0].payments[0].data.intent_id
      const intent = await (await fetch(`${sandbox.psp.url}/v1/payment_intents/${intentId}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } })).json()
      // Everything captured went back (the course, and the delivery captured with the first line); the rest was released.
      expect(intent.amount_refunded).toBe(intent.amount_captured)
      expect(intent.status).not.toBe("requires_capture")
      await expectMoneyConsistent()
    })

    it("has a rule for every Medusa admin route that changes an order, a payment, a fulfilment, a return, a claim, an exchange or an edit", () => {
      const routes = nativeAdminWriteRoutes(["orders", "payments", "payment-collections", "fulfillments", "returns", "claims", "exchanges", "order-edits", "order-changes"])
      expect(routes.length).toBeGreaterThan(80)
      expect(routes).toEqual(Object.keys(NATIVE_ADMIN_ROUTES).sort())
    })

    it("refuses, before anything changes, every Medusa admin route that would move a marketplace order's money or goods behind its lines", async () => {
      const { admin, orderId, kettle, course, locationId } = await placeMixedOrder()
      const query = getContainer().resolve("query")
      const { data: [paid] } = await query.graph({ entity: "order", fields: ["payment_collections.id", "payment_collections.payment_sessions.id", "payment_collections.payments.id"], filters: { id: orderId } })
      const collection = (paid as any).payment_collections[0]
      const courseFulfilment = (await lineRow(course.id)).fulfillment_id
      const label = { tracking_number: "TRK-9", tracking_url: "https://track.example/TRK-9", label_url: "https://label.example/TRK-9" }
      const address = { first_name: "Ana", last_name: "Ko", address_1: "Hauptstr. 1", city: "Berlin", country_code: "de", postal_code: "10115" }
      const calls: Record<string, [string, string, object]> = {
        "POST /admin/orders/:id/complete": ["post", `/admin/orders/${orderId}/complete`, {}],
        "POST /admin/orders/:id/credit-lines": ["post", `/admin/orders/${orderId}/credit-lines`, { amount: 5, reference: "order", reference_id: orderId }],
        "POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel": ["post", `/admin/orders/${orderId}/fulfillments/${courseFulfilment}/cancel`, {}],
        "POST /admin/orders/:id/payment-sessions/authorize": ["post", `/admin/orders/${orderId}/payment-sessions/authorize`, { payment_session_id: collection.payment_sessions[0].id }],
        "POST /admin/payments/:id/refund": ["post", `/admin/payments/${collection.payments[0].id}/refund`, { amount: 1 }],
        "POST /admin/payment-collections": ["post", "/admin/payment-collections", { order_id: orderId, amount: 5 }],
        "POST /admin/payment-collections/:id/mark-as-paid": ["post", `/admin/payment-collections/${collection.id}/mark-as-paid`, { order_id: orderId }],
        "POST /admin/payment-collections/:id/payment-sessions": ["post", `/admin/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox" }],
        "DELETE /admin/payment-collections/:id": ["delete", `/admin/payment-collections/${collection.id}`, {}],
        "POST /admin/fulfillments": ["post", "/admin/fulfillments", {
          location_id: locationId, provider_id: "manual_manual", delivery_address: address, order_id: orderId, labels: [], data: null, metadata: null,
          items: [{ title: "Kettle", sku: "kettle", quantity: 1, barcode: "k", line_item_id: kettle.line_item_id }],
        }],
        "POST /admin/fulfillments/:id/shipment": ["post", `/admin/fulfillments/${courseFulfilment}/shipment`, { labels: [label] }],
        "POST /admin/fulfillments/:id/cancel": ["post", `/admin/fulfillments/${courseFulfilment}/cancel`, {}],
        "POST /admin/order-edits": ["post", "/admin/order-edits", { order_id: orderId }],
        "POST /admin/returns": ["post", "/admin/returns", { order_id: orderId }],
        "POST /admin/claims": ["post", "/admin/claims", { order_id: orderId, type: "refund" }],
        "POST /admin/exchanges": ["post", "/admin/exchanges", { order_id: orderId }],
      }
      expect(Object.keys(calls).sort()).toEqual(Object.entries(NATIVE_ADMIN_ROUTES).filter(([, r]) => r === REFUSED).map(([k]) => k).sort())

      const snapshot = async () => {
        const order = await medusaOrder(admin, orderId)
        const { data: [withMoney] } = await query.graph({ entity: "order", fields: ["payment_collections.id", "payment_collections.payments.captures.id", "payment_collections.payments.refunds.id", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.shipped_at"], filters: { id: orderId } })
        const lines = (await getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ order_id: orderId })).map((l: any) => [l.kind, l.state, Number(l.captured_amount), Number(l.refunded_amount), l.fulfillment_id])
        return { status: [order.status, order.payment_status, order.fulfillment_status], lines: lines.sort(), money: withMoney }
      }
      const before = await snapshot()
      for (const [route, [method, path, body]] of Object.entries(calls)) {
        const answer = await outcome(method === "delete" ? api.delete(path, admin) : api.post(path, body, admin))
        // A 4xx with a code and words, and no 5xx: each refusal says what to do instead.
        expect([route, answer.status >= 400 && answer.status < 500, typeof answer.data?.code, typeof answer.data?.message]).toEqual([route, true, "string", "string"])
        expect([route, ["NATIVE_OPERATION_PER_LINE", "PAYMENT_OPERATION_PER_LINE", "ORDER_LINES_OPEN"]]).toEqual([route, expect.arrayContaining([answer.data.code])])
      }
      expect(await snapshot()).toEqual(before)
      await expectMoneyConsistent()
    })
  },
})
