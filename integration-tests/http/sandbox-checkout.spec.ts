import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { failing } from "../helpers/admin"
import { checkoutActors, inventoryItemOf, levelsOf, physicalProduct, reservationsOf, setStock } from "../helpers/checkout"
import { adminProduct, approvedMerchant, parcelShipping } from "../helpers/merchants"
import { captureBeforeAuthorizationExpiry } from "../../src/workflows/order-lines/capture-before-expiry"
import { drainEventBus } from "../helpers/events"
import { signatureHeader } from "../../src/modules/sandbox-payment/signature"
import { Modules } from "@medusajs/framework/utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { observedJob } from "../../src/observability/job-runs"

jest.setTimeout(180 * 1000)

const API_KEY = "sk_sandbox_checkout_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>

// The PSP must be up, and the config pointed at it, before the app boots in the runner's beforeAll.
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_checkout_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  // A short PSP timeout so the `slow` fault below costs seconds, not the default 10 s per attempt.
  Object.assign(process.env, { SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_checkout_test", SANDBOX_PSP_TIMEOUT_MS: "1500" })
})
afterAll(async () => psp?.close())

const intent = async (id: string) =>
  (await fetch(`${psp.url}/v1/payment_intents/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    /** A signed-in admin, the storefront's headers and channel, the approved merchant `handle` and an EU region paid through the sandbox PSP. */
    async function sandboxShop(handle: string) {
      const { admin, store: storeHeaders, salesChannelId } = await checkoutActors(getContainer(), api)
      const A = await approvedMerchant(api, admin, handle)
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      return { admin, storeHeaders, salesChannelId, A, region }
    }

    it("authorizes once at checkout and captures each line at the PSP; a failed capture keeps the line's state", async () => {
      const { admin, storeHeaders, salesChannelId, A, region } = await sandboxShop("psp-shop")
      const product = (title: string, amount: number) => adminProduct(api, admin, { title, amount, salesChannelId, merchantId: A.merchant.id })
      const good = await product("Good lamp", 20)
      const cursed = await product("Cursed lamp", 10.13) // the PSP refuses captures ending in 13 minor units

      const checkout = async (card: string, variants: string[]) => {
        const cart = (await api.post("/store/carts", { region_id: region.id, email: "psp@buyer.local" }, storeHeaders)).data.cart
        for (const v of variants) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v, quantity: 1 }, storeHeaders)
        const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)).data.payment_collection
        await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: card } }, storeHeaders)
        return api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders)
      }

      // A declined card: no order.
      const declined = await checkout("4000000000000002", [good.variants[0].id]).catch((e) => e.response)
      expect(declined.data.type === "order").toBe(false)
      expect((await api.get("/admin/orders", admin)).data.count).toBe(0)

      const placed = await checkout("4242424242424242", [good.variants[0].id, cursed.variants[0].id])
      expect(placed.data.type).toBe("order")
      const orderId = placed.data.order.id
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.data`, admin)).data.order
      const intentId = order.payment_collections[0].payments[0].data.intent_id
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount: 3013, amount_captured: 0, status: "requires_capture" }))

      const lines: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, A.owner)).data.lines
      const move = (title: string, to: string) =>
        api.post(`/merchant/orders/${orderId}/lines/${lines.find((l) => l.title === title).id}/transitions`, { to }, A.owner)

      await move("Good lamp", "FULFILLING")
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 2000 }))

      const refused = await failing(move("Cursed lamp", "FULFILLING"))
      expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "CAPTURE_FAILED" }) })
      const after: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, A.owner)).data.lines
      expect(after.find((l) => l.title === "Cursed lamp")).toEqual(expect.objectContaining({ state: "PAID", captured_amount: 0 }))
      expect(after.find((l) => l.title === "Cursed lamp").history.map((h: any) => h.to)).toEqual(["RESERVED", "PAID"])
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 2000 }))
      // Retryable: the same move is offered again and fails the same way without side effects.
      expect((await failing(move("Cursed lamp", "FULFILLING"))).status).toBe(422)

      // Cancelling the uncapturable line leaves nothing to capture: the rest of the authorization is released.
      await move("Cursed lamp", "CANCELLED")
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 2000, amount_canceled: 1013 }))
      // The captured line can still be refunded afterwards.
      const goodLine = after.find((l) => l.title === "Good lamp")
      await api.post(`/merchant/orders/${orderId}/lines/${goodLine.id}/refunds`, { amount: 5, reason: "dented" }, A.owner)
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_refunded: 500 }))
    })

    it("captures the shipping with the first physical line that starts fulfilment", async () => {
      const { admin, storeHeaders, salesChannelId, A, region } = await sandboxShop("ship-shop")
      const { option, profile } = await parcelShipping(api, admin, A.merchant.id, 7)
      const boxed = await adminProduct(api, admin, { title: "Boxed lamp", amount: 20, salesChannelId, merchantId: A.merchant.id, shippingProfileId: profile.id })

      const cart = (await api.post("/store/carts", { region_id: region.id, email: "ship@buyer.local",
        shipping_address: { first_name: "S", last_name: "B", address_1: "1 Str", city: "Berlin", country_code: "de", postal_code: "10115" } }, storeHeaders)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: boxed.variants[0].id, quantity: 1 }, storeHeaders)
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, storeHeaders)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, storeHeaders)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders)).data.order.id
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.data`, admin)).data.order
      const intentId = order.payment_collections[0].payments[0].data.intent_id
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount: 2700, amount_captured: 0 }))

      const [line] = (await api.get(`/merchant/orders/${orderId}/lines`, A.owner)).data.lines
      const moved = await api.post(`/merchant/orders/${orderId}/lines/${line.id}/transitions`, { to: "FULFILLING" }, A.owner)
      expect(Number(moved.data.line.captured_amount)).toBe(20)
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 2700 }))
    })

    it("captures lines before their authorization expires and never twice", async () => {
      const { admin, storeHeaders, salesChannelId, A, region } = await sandboxShop("early-shop")
      const lamp = await adminProduct(api, admin, { title: "Slow lamp", amount: 20, salesChannelId, merchantId: A.merchant.id })
      const session = await adminProduct(api, admin, { title: "Slow session", amount: 30, salesChannelId, merchantId: A.merchant.id, kind: "SERVICE" })
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "slow@buyer.local" }, storeHeaders)).data.cart
      for (const p of [lamp, session]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, storeHeaders)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, storeHeaders)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders)).data.order.id
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.data`, admin)).data.order
      const intentId = order.payment_collections[0].payments[0].data.intent_id

      const container = getContainer()
      expect((await captureBeforeAuthorizationExpiry(container, new Date())).captured).toEqual([])
      const inSixDays = new Date(Date.now() + 6 * 24 * 3600 * 1000 + 60 * 1000)
      const early = await captureBeforeAuthorizationExpiry(container, inSixDays)
      expect(early.captured).toHaveLength(2)
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 5000 }))
      const lines: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, A.owner)).data.lines
      expect(lines.map((l) => l.state).sort()).toEqual(["PAID", "PAID"])
      expect(lines.every((l) => l.history.at(-1).transition === "capture_before_authorization_expiry")).toBe(true)
      expect((await captureBeforeAuthorizationExpiry(container, inSixDays)).captured).toEqual([])

      // The line's own capturing move later captures nothing more.
      const lampLine = lines.find((l) => l.title === "Slow lamp")
      const moved = await api.post(`/merchant/orders/${orderId}/lines/${lampLine.id}/transitions`, { to: "FULFILLING" }, A.owner)
      expect(moved.data.line).toEqual(expect.objectContaining({ state: "FULFILLING" }))
      expect(Number(moved.data.line.captured_amount)).toBe(20)
      expect(await intent(intentId)).toEqual(expect.objectContaining({ amount_captured: 5000 }))
    })

    // Issue 23 §3: one checkout seen through /metrics, /ready and the request id (docs/operations.md).
    describe("observability", () => {
      /** Parses Prometheus text into { 'name{labels}': value }. */
      const scrape = async (headers: Record<string, string> = {}) => {
        const res = await api.get("/metrics", { headers })
        expect(res.headers["content-type"]).toContain("text/plain")
        const samples: Record<string, number> = {}
        for (const line of String(res.data).split("\n")) {
          if (!line || line.startsWith("#")) continue
          const at = line.lastIndexOf(" ")
          samples[line.slice(0, at)] = Number(line.slice(at + 1))
        }
        return samples
      }
      const funnel = (s: Record<string, number>, step: string) => s[`snail_checkout_funnel_total{step="${step}"}`] ?? 0

      it("counts the checkout funnel, latency by route pattern, payment operations, incidents and job runs", async () => {
        process.env.METRICS_PROBE_CACHE_MS = "0"
        const before = await scrape()
        const { admin, storeHeaders, salesChannelId, A, region } = await sandboxShop("metrics-shop")
        const lamp = await physicalProduct(api, admin, salesChannelId, A.merchant.id, "Metered lamp")
        await setStock(api, A.owner, lamp.id, lamp.variants[0].id, 5)
        const itemId = await inventoryItemOf(getContainer(), lamp.variants[0].id)
        await getContainer().resolve(Modules.INVENTORY).updateInventoryItems([{ id: itemId, requires_shipping: false }])
        const checkout = async (card: string) => {
          const cart = (await api.post("/store/carts", { region_id: region.id, email: "m@buyer.local" }, storeHeaders)).data.cart
          await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: lamp.variants[0].id, quantity: 1 }, storeHeaders)
          const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)).data.payment_collection
          await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: card } }, storeHeaders)
          return { cartId: cart.id, res: await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders).catch((e) => e.response) }
        }
        const declined = await checkout("4000000000000002")
        const placed = await checkout("4242424242424242")
        expect(placed.res.data.type).toBe("order")

        const after = await scrape()
        expect(funnel(after, "cart_created") - funnel(before, "cart_created")).toBe(2)
        expect(funnel(after, "payment_session") - funnel(before, "payment_session")).toBe(2)
        expect(funnel(after, "completed") - funnel(before, "completed")).toBe(1)
        expect(funnel(after, "failed") - funnel(before, "failed")).toBe(1)
        // Latency under the route pattern, never under a raw path with ids in it.
        const completions = (s: Record<string, number>) =>
          Object.entries(s).filter(([k]) => k.startsWith('snail_http_request_duration_seconds_count{method="POST",route="/store/carts/:id/complete",')).reduce((a, [, v]) => a + v, 0)
        expect(completions(after) - completions(before)).toBe(2)
        expect(after['snail_http_request_duration_seconds_count{method="POST",route="/store/carts/:id/complete",status="200"}']).toBeGreaterThanOrEqual(1)
        const keys = Object.keys(after).join("\n")
        expect(keys).not.toContain(declined.cartId)
        expect(keys).not.toContain(placed.cartId)

        // Gauges from the database: what the journal holds, integrity incidents, stuck lines.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
        const ops = (await pg.raw(`select kind, state, count(*)::int as n from payment_operation group by 1, 2`)).rows
        for (const o of ops) expect(after[`snail_payment_operations{kind="${o.kind}",state="${o.state}"}`]).toBe(o.n)
        expect(after["snail_payment_operations_open"]).toBe(ops.filter((o: any) => o.state === "PENDING" || o.state === "UNKNOWN").reduce((a: number, o: any) => a + o.n, 0))
        expect(after['snail_incidents{kind="oversell"}']).toBe(0)
        expect(after['snail_incidents{kind="double_booking"}']).toBe(0)
        expect(after["snail_stuck_order_lines"]).toBe(0)
        // An oversold level (reserved beyond stock) and a line stuck before payment show up at the next scrape.
        await pg.raw(`update inventory_level set reserved_quantity = stocked_quantity + 1 where inventory_item_id = ?`, [itemId])
        await pg.raw(`update order_line set state = 'RESERVED', state_entered_at = now() - interval '2 hours' where order_id = ?`, [placed.res.data.order.id])
        const incident = await scrape()
        expect(incident['snail_incidents{kind="oversell"}']).toBe(1)
        expect(incident["snail_stuck_order_lines"]).toBe((await pg.raw(`select count(*)::int as n from order_line where order_id = ?`, [placed.res.data.order.id])).rows[0].n)

        // Scheduled job runs (the wrapper every src/jobs file uses): journaled in job_run with their outcome, and counted.
        await observedJob("metrics-test-ok", async () => undefined)(getContainer())
        await expect(observedJob("metrics-test-failing", async () => Promise.reject(new Error("boom")))(getContainer())).rejects.toThrow("boom")
        const opsModule = getContainer().resolve("ops") as any
        expect((await opsModule.listJobRuns({ job_name: "metrics-test-ok" })).map((r: any) => r.status)).toEqual(["ok"])
        expect((await opsModule.listJobRuns({ job_name: "metrics-test-failing" })).map((r: any) => [r.status, r.error])).toEqual([["failed", "boom"]])
        const jobs = await scrape()
        expect(jobs['snail_job_runs_total{job="metrics-test-ok",status="ok"}']).toBe(1)
        expect(jobs['snail_job_runs_total{job="metrics-test-failing",status="failed"}']).toBe(1)
        expect(jobs['snail_job_runs_recorded{job="metrics-test-failing",status="failed"}']).toBe(1)
      })

      it("guards /metrics: a forwarded call needs the token; the token is checked", async () => {
        const forwarded = await api.get("/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } }).catch((e) => e.response)
        expect(forwarded.status).toBe(403)
        expect(forwarded.data.code).toBe("METRICS_FORBIDDEN")
        process.env.METRICS_TOKEN = "metrics-secret-token"
        try {
          const wrong = await api.get("/metrics", { headers: { authorization: "Bearer metrics-secret-tokeX" } }).catch((e) => e.response)
          expect(wrong.status).toBe(403)
          const ok = await api.get("/metrics", { headers: { authorization: "Bearer metrics-secret-token", "x-forwarded-for": "203.0.113.9" } })
          expect(ok.status).toBe(200)
        } finally {
          delete process.env.METRICS_TOKEN
        }
      })

      it("/ready checks the database and the PSP and names what failed; X-Request-Id is taken or made, and echoed", async () => {
        const ready = await api.get("/ready")
        // Redis is checked only where the app runs on it (REDIS_URL: CI and the Redis runs).
        expect(ready.data).toEqual({ status: "ready", checks: { database: "ok", psp: "ok", ...(process.env.REDIS_URL ? { redis: "ok" } : {}) } })
        const url = process.env.SANDBOX_PSP_URL
        process.env.SANDBOX_PSP_URL = "http://127.0.0.1:1"
        try {
          const down = await api.get("/ready").catch((e) => e.response)
          expect(down.status).toBe(503)
          expect(down.data).toEqual(expect.objectContaining({ code: "NOT_READY", failed: ["psp"] }))
          expect(down.data.checks.database).toBe("ok")
        } finally {
          process.env.SANDBOX_PSP_URL = url
        }
        const echoed = await api.get("/store/regions", { headers: { ...(await checkoutActors(getContainer(), api)).store.headers, "x-request-id": "req-abc.123" } })
        expect(echoed.headers["x-request-id"]).toBe("req-abc.123")
        const made = await api.get("/ready", { headers: { "x-request-id": "bad id\u0000<script>" } })
        expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
      })
    })

    describe("PSP outages answer 503 PSP_UNAVAILABLE and leave nothing half-done", () => {
      afterEach(() => psp.setFaults({ mode: "none" }))

      /** A cart of one stocked lamp (2 units at the merchant) with a sandbox payment session: checkout started. */
      async function stockedCheckout(handle: string) {
        const shop = await sandboxShop(handle)
        const product = await physicalProduct(api, shop.admin, shop.salesChannelId, shop.A.merchant.id, `${handle} lamp`)
        const variantId = product.variants[0].id
        await setStock(api, shop.A.owner, product.id, variantId, 2)
        const itemId = await inventoryItemOf(getContainer(), variantId)
        await getContainer().resolve(Modules.INVENTORY).updateInventoryItems([{ id: itemId, requires_shipping: false }])
        const cart = (await api.post("/store/carts", { region_id: shop.region.id, email: `${handle}@buyer.local`, items: [{ variant_id: variantId, quantity: 1 }] }, shop.storeHeaders)).data.cart
        const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, shop.storeHeaders)).data.payment_collection
        const startSession = () =>
          api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, shop.storeHeaders)
        const complete = () => api.post(`/store/carts/${cart.id}/complete`, {}, shop.storeHeaders).catch((e: any) => e.response)
        return { ...shop, cartId: cart.id, itemId, startSession, complete }
      }

      const expectUnavailable = (res: any) => {
        expect(res.status).toBe(503)
        expect(res.data).toEqual(expect.objectContaining({ code: "PSP_UNAVAILABLE" }))
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0)
        // Nothing about where the PSP lives reaches the buyer.
        const text = JSON.stringify(res.data)
        expect(text).not.toContain(psp.url)
        expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|https?:/)
      }

      it("PSP down at checkout: 503, no order, no reservation, no authorization; completing again once it is back succeeds", async () => {
        const shop = await stockedCheckout("down-shop")
        psp.setFaults({ mode: "down" })
        // The sandbox creates nothing at the PSP until authorization: starting the payment works offline.
        expect((await shop.startSession()).status).toBe(200)
        const intentsBefore = psp.server.store.intents().length

        expectUnavailable(await shop.complete())
        expect((await api.get("/admin/orders", shop.admin)).data.count).toBe(0)
        expect(await reservationsOf(getContainer(), shop.itemId)).toEqual([])
        expect(Object.values(await levelsOf(getContainer(), shop.itemId))).toEqual([{ stocked: 2, reserved: 0 }])
        expect((await api.get(`/store/carts/${shop.cartId}`, shop.storeHeaders)).data.cart.completed_at).toBeFalsy()
        expect(psp.server.store.intents().length).toBe(intentsBefore)

        psp.setFaults({ mode: "none" })
        const placed = await shop.complete()
        expect(placed.status).toBe(200)
        expect(placed.data.type).toBe("order")
        expect(psp.server.store.intents().length).toBe(intentsBefore + 1)
        const [reservation] = await reservationsOf(getContainer(), shop.itemId)
        expect(reservation.line_item_id).toBe(placed.data.order.items[0].id)
      })

      it("a 500 after the PSP authorized is retried with the same key: one order, one authorization", async () => {
        const shop = await stockedCheckout("eac-shop")
        await shop.startSession()
        const intentsBefore = psp.server.store.intents().length
        psp.setFaults({ mode: "error_after_commit", operations: ["authorize"], count: 1 })
        const placed = await shop.complete()
        expect(placed.data.type).toBe("order")
        expect(psp.server.store.intents().length).toBe(intentsBefore + 1)
      })

      it("an authorization slower than the timeout: 503; the retry after the PSP committed reuses that authorization", async () => {
        const shop = await stockedCheckout("slow-shop")
        await shop.startSession()
        const intentsBefore = psp.server.store.intents().length
        psp.setFaults({ mode: "slow", operations: ["authorize"], count: 1, delay_ms: 4000 })
        expectUnavailable(await shop.complete())
        expect((await api.get("/admin/orders", shop.admin)).data.count).toBe(0)
        expect(await reservationsOf(getContainer(), shop.itemId)).toEqual([])

        // The PSP authorized after the caller gave up; the next completion replays it instead of authorizing again.
        const deadline = Date.now() + 15000
        while (psp.server.store.intents().length === intentsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        const late = psp.server.store.intents().at(-1)!
        expect(late.status).toBe("requires_capture")
        const placed = await shop.complete()
        expect(placed.data.type).toBe("order")
        const order = (await api.get(`/admin/orders/${placed.data.order.id}?fields=payment_collections.payments.data`, shop.admin)).data.order
        expect(order.payment_collections[0].payments[0].data.intent_id).toBe(late.id)
        expect(psp.server.store.intents().length).toBe(intentsBefore + 1)
      })

      it("a webhook arriving while the PSP's API is down is refused with 503 so the PSP delivers it again", async () => {
        const created = await fetch(`${psp.url}/v1/payment_intents`, {
          method: "POST", headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" }, body: JSON.stringify({ amount: 1500, currency: "eur" }),
        }).then((r) => r.json())
        const body = JSON.stringify({ id: "evt_outage_1", object: "event", type: "payment_intent.authorized", created: Math.floor(Date.now() / 1000), data: { object: created } })
        const deliver = () =>
          api.post("/hooks/payment/sandbox_sandbox", body, {
            headers: { "content-type": "application/json", "sandbox-signature": signatureHeader("whsec_checkout_test", body) },
          }).catch((e: any) => e.response)
        psp.setFaults({ mode: "down", operations: ["retrieve"] })
        expectUnavailable(await deliver())
        psp.setFaults({ mode: "none" })
        expect((await deliver()).status).toBe(200)
      })
    })
  },
})
