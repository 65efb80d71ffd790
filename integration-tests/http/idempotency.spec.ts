import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import type { Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"

jest.setTimeout(180 * 1000)

const withKey = (h: Headers, key: string, header = "x-idempotency-key"): Headers => ({ headers: { ...h.headers, [header]: key } })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    let admin: Headers
    let store: Headers
    let salesChannelId: string

    beforeEach(async () => {
      ;({ admin, store, salesChannelId } = await checkoutActors(getContainer(), api))
    })

    /** A cart with one line and an initialised system-provider payment session, ready to complete. */
    async function readyCart() {
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }, admin)).data.region
      // No shipping profile and no inventory: the line needs neither a shipping method nor stock.
      const product = (await api.post("/admin/products", {
        title: "Idempotent course", status: "published", options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 25 }] }],
        sales_channels: [{ id: salesChannelId }],
      }, admin)).data.product
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "buyer@test.local" }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, store)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
      return { cart, collection }
    }

    describe("X-Idempotency-Key", () => {
      it("completes a cart sent 10 times concurrently with one key exactly once", async () => {
        const { cart } = await readyCart()
        const key = "checkout-7f3a2c"
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => api.post(`/store/carts/${cart.id}/complete`, {}, withKey(store, key)))
        )
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
        const orderIds = new Set(answers.map((a) => a.data.order?.id))
        expect(orderIds.size).toBe(1)
        const [orderId] = [...orderIds]
        expect(orderId).toMatch(/^order_/)
        // Exactly one request ran; the other nine waited and replayed its answer.
        expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(9)

        const orders = (await api.get("/admin/orders", admin)).data.orders
        expect(orders.map((o: any) => o.id)).toEqual([orderId])
        const payments = await getContainer().resolve(Modules.PAYMENT).listPayments({})
        expect(payments).toHaveLength(1)

        // The key used again later replays the first answer, still without a second order.
        const again = await api.post(`/store/carts/${cart.id}/complete`, {}, withKey(store, key, "idempotency-key"))
        expect(again.status).toBe(200)
        expect(again.headers["idempotent-replayed"]).toBe("true")
        expect(again.data).toEqual(answers.find((a) => !a.headers["idempotent-replayed"])!.data)
        expect((await api.get("/admin/orders", admin)).data.orders).toHaveLength(1)
        expect(await getContainer().resolve(Modules.PAYMENT).listPayments({})).toHaveLength(1)
      })

      it("refuses the same key with a different body (422) and leaves the first result intact", async () => {
        const { collection } = await readyCart()
        const url = `/store/payment-collections/${collection.id}/payment-sessions`
        const first = await api.post(url, { provider_id: "pp_system_default", data: { a: 1, b: 2 } }, withKey(store, "session-1"))
        expect(first.status).toBe(200)

        const reused = await failing(api.post(url, { provider_id: "pp_system_default", data: { a: 1, b: 3 } }, withKey(store, "session-1")))
        expect(reused).toEqual({ status: 422, data: expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED" }) })

        // Key order in the body does not matter: the body is hashed as canonical JSON.
        const replay = await api.post(url, { data: { b: 2, a: 1 }, provider_id: "pp_system_default" }, withKey(store, "session-1"))
        expect(replay.headers["idempotent-replayed"]).toBe("true")
        expect(replay.data).toEqual(first.data)
      })

      it("stores and replays a 4xx answer", async () => {
        const url = "/store/carts/cart_missing/complete"
        const first = await failing(api.post(url, {}, withKey(store, "missing-1")))
        expect(first.status).toBe(404)
        const replayed = await api.post(url, {}, withKey(store, "missing-1")).catch((e) => e.response)
        expect(replayed.status).toBe(404)
        expect(replayed.headers["idempotent-replayed"]).toBe("true")
        expect(replayed.data).toEqual(first.data)
      })

      it("releases the key after a 5xx so a retry runs again", async () => {
        // The system provider fails with a server error for an unknown payment collection.
        const url = "/store/payment-collections/pay_col_missing/payment-sessions"
        const retried: string[] = []
        for (let i = 0; i < 2; i++) {
          await api.post(url, { provider_id: "pp_system_default" }, withKey(store, "flaky-1")).catch((e) => {
            expect(e.response.status).toBeGreaterThanOrEqual(500)
            retried.push(String(e.response.headers["idempotent-replayed"]))
          })
        }
        expect(retried).toEqual(["undefined", "undefined"])
        const idempotency: any = getContainer().resolve("idempotency")
        expect(await idempotency.listIdempotencyKeys({ key: "flaky-1" })).toHaveLength(0)
      })

      it("rejects an empty or over-long key with 400 INVALID_IDEMPOTENCY_KEY", async () => {
        const { cart } = await readyCart()
        const tooLong = await failing(api.post(`/store/carts/${cart.id}/complete`, {}, withKey(store, "k".repeat(256))))
        expect(tooLong).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_IDEMPOTENCY_KEY" }) })
        const empty = await failing(api.post(`/store/carts/${cart.id}/complete`, {}, withKey(store, "")))
        expect(empty).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_IDEMPOTENCY_KEY" }) })
        // Nothing ran: the cart can still be completed.
        const done = await api.post(`/store/carts/${cart.id}/complete`, {}, withKey(store, "k".repeat(255)))
        expect(done.data.type).toBe("order")
      })

      it("leaves requests without a key untouched", async () => {
        const { cart } = await readyCart()
        const done = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
        expect(done.data.type).toBe("order")
        expect(done.headers["idempotent-replayed"]).toBeUndefined()
      })
    })
  },
})
