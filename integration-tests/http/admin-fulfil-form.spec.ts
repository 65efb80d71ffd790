import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import noDeliveryAtMerchantLocations from "../../src/migration-scripts/no-delivery-at-merchant-locations"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { ensureNoDeliveryAt, removeNoDeliverySet } from "../../src/workflows/order-lines/no-delivery"
import { checkoutActors, merchantLocationOf, outcome } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { adminProduct, approvedMerchant, type Headers } from "../helpers/merchants"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// One order truth (issue 16): an order of only services or only courses has no shipping method, and
// the Medusa admin's "Fulfill items" form still works on it. The test makes the form's own requests
// (Medusa 2.21 dashboard, routes/orders/order-create-fulfillment): the order, its reservations, the
// stock locations, the shipping options at the picked location, then its POST — which our middleware
// turns into line moves.
// The sandbox PSP, started before the app boots (the orders are paid with its test card).
withSandboxPsp("fulfilform", { VERIFY_MONEY_GRACE_MS: "0" })

const FORM_ORDER_FIELDS = "currency_code,*items,*items.variant,+items.variant.product.shipping_profile.id,*shipping_address,+shipping_methods.shipping_option_id,no_notification"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    /** A guest order of one product of merchant "studio" (no shipping method: nothing travels). */
    async function placeOrderOf(kind: "SERVICE" | "COURSE", amount: number) {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const B = await approvedMerchant(api, admin, "studio")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const product = await adminProduct(api, admin, { title: kind === "SERVICE" ? "Massage" : "Yoga course", amount, salesChannelId, merchantId: B.merchant.id, kind })
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "form@test.local" }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data.order.id
      const [line] = await waitFor(() => linesOf(orderId), (ls: any[]) => ls.length === 1)
      const locationId = await merchantLocationOf(getContainer(), B.merchant.id)
      return { admin, store, region, product, orderId, line, locationId }
    }

    const linesOf = (orderId: string) => getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ order_id: orderId })
    const lineRow = async (id: string) => (await getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ id }))[0]
    const medusaOrder = async (admin: Headers, orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=id,status,fulfillment_status,payment_status,*fulfillments`, admin)).data.order
    const moneyVerified = async (admin: Headers) => {
      const report = await waitFor(async () => (await api.get("/admin/money/verify", admin)).data, (r: any) => r.ok, 20000)
      expect(report.violations).toEqual([])
    }

    /**
     * What the operator does in the Medusa admin: "Fulfill items" on the card of items that need no
     * shipping, picks the merchant's location, then the option the form offers there. Returns what the
     * form showed and the POST's outcome.
     */
    async function fulfilWithAdminForm(admin: Headers, orderId: string, locationId: string) {
      const { order } = (await api.get(`/admin/orders/${orderId}?fields=${encodeURIComponent(FORM_ORDER_FIELDS)}`, admin)).data
      // The order page's card for these items opens the form with requires_shipping=false.
      const items = order.items.filter((i: any) => i.requires_shipping === false && i.quantity - i.detail.fulfilled_quantity > 0)
      expect(order.shipping_methods).toEqual([])
      const reservations = await outcome(api.get(`/admin/reservations?${order.items.map((i: any) => `line_item_id[]=${i.id}`).join("&")}&limit=${order.items.length}`, admin))
      expect(reservations.status).toBe(200)
      const { stock_locations } = (await api.get("/admin/stock-locations?limit=10&offset=0", admin)).data
      expect(stock_locations.map((l: any) => l.id)).toContain(locationId)
      const { shipping_options } = (await api.get(`/admin/shipping-options?limit=10&offset=0&stock_location_id=${locationId}`, admin)).data
      const option = shipping_options.find((o: any) => o.name === "No delivery (service or course)")
      // Without an option the form's "Create fulfillment" button stays disabled.
      expect(option).toBeTruthy()
      const post = await outcome(api.post(`/admin/orders/${orderId}/fulfillments`, {
        location_id: locationId,
        shipping_option_id: option.id,
        no_notification: !!order.no_notification,
        items: items.map((i: any) => ({ id: i.id, quantity: i.quantity - i.detail.fulfilled_quantity })),
      }, admin))
      return { items, option, post }
    }

    it("fulfils a service-only order with the Medusa admin's form: the booking is confirmed and captured, then served", async () => {
      const { admin, store, region, product, orderId, line, locationId } = await placeOrderOf("SERVICE", 60)
      expect(line).toEqual(expect.objectContaining({ kind: "SERVICE", state: "PAID" }))
      expect((await medusaOrder(admin, orderId)).fulfillment_status).toBe("not_fulfilled")

      const { items, option, post } = await fulfilWithAdminForm(admin, orderId, locationId)
      expect(items.map((i: any) => i.id)).toEqual([line.line_item_id])
      expect(post.status).toBe(200)
      // The line moved through the engine: confirmed, captured and journaled, with Medusa's fulfilment at the merchant's location.
      const confirmed = await lineRow(line.id)
      expect(confirmed).toEqual(expect.objectContaining({ state: "CONFIRMED", fulfillment_id: expect.any(String) }))
      expect(Number(confirmed.captured_amount)).toBe(60)
      const ops = await getContainer().resolve<any>(ORDER_LINES_MODULE).listPaymentOperations({ order_id: orderId, kind: "capture" })
      expect(ops.map((o: any) => [o.state, Number(o.line_amount)])).toEqual([["SUCCEEDED", 6000]])
      let order = await medusaOrder(admin, orderId)
      expect(order.fulfillments).toEqual([expect.objectContaining({ id: confirmed.fulfillment_id, location_id: locationId, requires_shipping: false, delivered_at: null })])
      expect([order.fulfillment_status, order.payment_status]).toEqual(["fulfilled", "captured"])

      // "Mark as delivered" on that fulfilment: the service was given.
      expect((await outcome(api.post(`/admin/orders/${orderId}/fulfillments/${confirmed.fulfillment_id}/mark-as-delivered`, {}, admin))).status).toBe(200)
      expect((await lineRow(line.id)).state).toBe("SERVED")
      order = await medusaOrder(admin, orderId)
      expect(order.fulfillment_status).toBe("delivered")
      await moneyVerified(admin)

      // The store never offers the option, not in the list for a cart nor when a buyer names it.
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "buyer2@test.local", shipping_address: { country_code: "de", city: "Berlin", address_1: "1 Str", postal_code: "10115" } }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, store)
      const listed = (await api.get(`/store/shipping-options?cart_id=${cart.id}`, store)).data.shipping_options
      expect(listed.map((o: any) => o.id)).not.toContain(option.id)
      const picked = await outcome(api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, store))
      expect(picked.status).toBeGreaterThanOrEqual(400)
      expect((await api.get(`/store/carts/${cart.id}?fields=+shipping_methods.shipping_option_id`, store)).data.cart.shipping_methods).toEqual([])
    })

    it("gives merchants approved before the option existed theirs (migration script), so the form works on their orders too", async () => {
      const { admin, orderId, line, locationId } = await placeOrderOf("SERVICE", 40)
      // As such a merchant's location was: no "No delivery" set linked to it.
      const { set_id } = await ensureNoDeliveryAt(getContainer(), locationId)
      await removeNoDeliverySet(getContainer(), set_id, locationId)
      const optionsAt = async () => (await api.get(`/admin/shipping-options?limit=10&offset=0&stock_location_id=${locationId}`, admin)).data.shipping_options
      expect(await optionsAt()).toEqual([])

      await noDeliveryAtMerchantLocations({ container: getContainer() } as any)
      expect((await optionsAt()).map((o: any) => o.name)).toEqual(["No delivery (service or course)"])
      const { post } = await fulfilWithAdminForm(admin, orderId, locationId)
      expect(post.status).toBe(200)
      expect((await lineRow(line.id)).state).toBe("CONFIRMED")
      await moneyVerified(admin)
    })
  },
})
