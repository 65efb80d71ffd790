import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import type { AddressInfo } from "node:net"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ModulesSdkUtils, Modules, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import * as PaymentModels from "@medusajs/payment/dist/models"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import SandboxPaymentProviderService, { SandboxPaymentData } from "../../src/modules/sandbox-payment/service"
import { SandboxPspClient } from "../../src/modules/sandbox-payment/client"
import { signatureHeader } from "../../src/modules/sandbox-payment/signature"
import { WEBHOOK_EVENT_TABLE } from "../../src/modules/sandbox-payment/webhook-event-log"
import type { PaymentIntent, WebhookEvent } from "../../src/modules/sandbox-payment/types"

jest.setTimeout(60 * 1000)

const API_KEY = "sk_sandbox_test"
const SECRET = "whsec_sandbox_test"
const CARD_OK = "4242424242424242"
const CARD_DECLINED = "4000000000000002"
const CARD_NO_FUNDS = "4000000000009995"
const CARD_3DS = "4000000000003220"

// The module is configured before the PSP exists; the provider options object is shared by
// reference, so beforeAll fills in the PSP's random port before the first module boot.
const sandboxOptions = { baseUrl: "", apiKey: API_KEY, webhookSecret: SECRET }

type Delivery = { raw: Buffer; headers: http.IncomingHttpHeaders; event: WebhookEvent }

/** Stands in for Medusa's /hooks route: records deliveries, answers with scripted statuses. */
function startReceiver() {
  const deliveries: Delivery[] = []
  const statuses: number[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const status = statuses.shift() ?? 200
      const raw = Buffer.concat(chunks)
      if (status === 200) deliveries.push({ raw, headers: req.headers, event: JSON.parse(raw.toString("utf8")) })
      res.writeHead(status).end()
    })
  })
  return new Promise<{ url: string; deliveries: Delivery[]; statuses: number[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/payment/sandbox_sandbox`,
        deliveries,
        statuses,
        close: () => new Promise((r) => server.close(() => r())),
      })
    )
  )
}

async function waitFor<T>(fn: () => T | undefined, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = fn()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

moduleIntegrationTestRunner<IPaymentModuleService>({
  moduleName: Modules.PAYMENT,
  resolve: "@medusajs/payment",
  moduleModels: Object.values(PaymentModels),
  moduleOptions: { providers: [{ resolve: "./src/modules/sandbox-payment", id: "sandbox", options: sandboxOptions }] },
  testSuite: ({ service, dbConfig }) => {
    let psp: Awaited<ReturnType<typeof startSandboxPsp>>
    let receiver: Awaited<ReturnType<typeof startReceiver>>
    let client: SandboxPspClient

    beforeAll(async () => {
      receiver = await startReceiver()
      psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: receiver.url, webhookBackoffMs: 20, dataFile: "" })
      sandboxOptions.baseUrl = psp.url
      client = new SandboxPspClient({ baseUrl: psp.url, apiKey: API_KEY })
    })

    afterAll(async () => {
      await psp?.close()
      await receiver?.close()
    })

    const provider = () => (service as any).paymentProviderService_.retrieveProvider("pp_sandbox_sandbox") as SandboxPaymentProviderService

    async function authorize(amount: number | string, card: string, sessionId = `payses_${Math.random().toString(36).slice(2)}`) {
      const p = provider()
      const init = await p.initiatePayment({ amount, currency_code: "eur", data: { session_id: sessionId, card_number: card } })
      const auth = await p.authorizePayment({ data: init.data!, context: { idempotency_key: sessionId } })
      return { ...auth, data: auth.data as unknown as SandboxPaymentData, sessionId }
    }

    const intentOf = (data: SandboxPaymentData) => client.retrieveIntent(data.intent_id!)

    describe("sandbox payment provider against the sandbox PSP (real PostgreSQL)", () => {
      it("is registered as pp_sandbox_sandbox", async () => {
        const providers = await service.listPaymentProviders({ id: "pp_sandbox_sandbox" })
        expect(providers).toHaveLength(1)
        expect(providers[0].is_enabled).toBe(true)
      })

      it("authorizes, captures partially twice, refuses over-capture, refunds partially and refuses over-refund", async () => {
        const p = provider()
        const auth = await authorize("100.00", CARD_OK)
        expect(auth.status).toBe(PaymentSessionStatus.AUTHORIZED)
        expect(auth.data.intent_id).toMatch(/^spi_/)
        expect(auth.data).toMatchObject({ amount: 10000, currency_code: "eur", status: "requires_capture", card_last4: "4242" })
        expect(auth.data.card_number).toBeUndefined()

        const first = (await p.capturePayment({ data: { ...auth.data, amount_to_capture: "30.00" } })).data as unknown as SandboxPaymentData
        expect(first).toMatchObject({ status: "partially_captured", amount_captured: 3000, amount_capturable: 7000 })
        expect(first.amount_to_capture).toBeUndefined()
        const second = (await p.capturePayment({ data: { ...first, amount_to_capture: 25.5 } })).data as unknown as SandboxPaymentData
        expect(second).toMatchObject({ status: "partially_captured", amount_captured: 5550, amount_capturable: 4450 })

        await expect(p.capturePayment({ data: { ...second, amount_to_capture: "44.51" } })).rejects.toThrow(/amount_too_large/)
        expect(await intentOf(second)).toMatchObject({ amount_captured: 5550, amount_capturable: 4450 })

        const refunded = (await p.refundPayment({ data: second as any, amount: "10.00" })).data as unknown as SandboxPaymentData
        expect(refunded).toMatchObject({ amount_captured: 5550, amount_refunded: 1000 })
        await expect(p.refundPayment({ data: refunded as any, amount: "45.51" })).rejects.toThrow(/amount_too_large/)
        expect(await intentOf(refunded)).toMatchObject({ amount_refunded: 1000 })

        // Without an explicit amount the rest of the authorization is captured.
        const rest = (await p.capturePayment({ data: refunded as any })).data as unknown as SandboxPaymentData
        expect(rest).toMatchObject({ status: "succeeded", amount_captured: 10000, amount_capturable: 0, amount_refunded: 1000 })
        const intent = await intentOf(rest)
        expect(intent.captures.map((c) => c.amount)).toEqual([3000, 2550, 4450])
        expect(intent.refunds.map((r) => r.amount)).toEqual([1000])
      })

      it("cancels: voids an untouched authorization, releases the rest after a partial capture", async () => {
        const p = provider()
        const untouched = await authorize(40, CARD_OK)
        const voided = (await p.cancelPayment({ data: untouched.data as any })).data as unknown as SandboxPaymentData
        expect(voided).toMatchObject({ status: "canceled", amount_captured: 0, amount_canceled: 4000 })
        await expect(p.capturePayment({ data: voided as any })).rejects.toThrow(/unexpected_state/)
        // Cancelling twice is harmless.
        expect(((await p.cancelPayment({ data: voided as any })).data as any).status).toBe("canceled")

        const partly = await authorize(40, CARD_OK)
        const captured = (await p.capturePayment({ data: { ...partly.data, amount_to_capture: "15.00" } })).data as unknown as SandboxPaymentData
        const released = (await p.cancelPayment({ data: captured as any })).data as unknown as SandboxPaymentData
        expect(released).toMatchObject({ status: "succeeded", amount_captured: 1500, amount_capturable: 0, amount_canceled: 2500 })
      })

      it("declines on demand: generic decline and insufficient funds come back as an error status, not an exception", async () => {
        const declined = await authorize(20, CARD_DECLINED)
        expect(declined.status).toBe(PaymentSessionStatus.ERROR)
        expect(declined.data.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "generic_decline" })
        expect(declined.data.card_number).toBeUndefined()

        const broke = await authorize(20, CARD_NO_FUNDS)
        expect(broke.status).toBe(PaymentSessionStatus.ERROR)
        expect(broke.data.last_payment_error).toMatchObject({ decline_code: "insufficient_funds" })

        // The buyer retries the same session with a good card: a new intent, authorized.
        const p = provider()
        const retry = await p.authorizePayment({ data: { ...declined.data, card_number: CARD_OK } as any, context: { idempotency_key: declined.sessionId } })
        expect(retry.status).toBe(PaymentSessionStatus.AUTHORIZED)
        expect((retry.data as any).intent_id).not.toBe(declined.data.intent_id)
      })

      it("requires_action: REQUIRES_MORE until the buyer authenticates, then AUTHORIZED on the next call", async () => {
        const p = provider()
        const pending = await authorize(50, CARD_3DS)
        expect(pending.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
        expect(pending.data.next_action).toMatchObject({ type: "authenticate" })
        expect((await p.authorizePayment({ data: pending.data as any, context: {} })).status).toBe(PaymentSessionStatus.REQUIRES_MORE)

        await client.authenticate(pending.data.intent_id!)
        const done = await p.authorizePayment({ data: pending.data as any, context: {} })
        expect(done.status).toBe(PaymentSessionStatus.AUTHORIZED)
        expect((done.data as any).intent_id).toBe(pending.data.intent_id)

        const failed = await authorize(50, CARD_3DS)
        await client.authenticate(failed.data.intent_id!, "fail")
        expect((await p.getPaymentStatus({ data: failed.data as any })).status).toBe(PaymentSessionStatus.ERROR)
      })

      it("serves the buyer's challenge page for requires_action: amount shown, no API key, its button authenticates", async () => {
        const pending = await authorize(50, CARD_3DS)
        const page = pending.data.next_action!.url + "?return_url=" + encodeURIComponent("http://shop.test/checkout")
        const res = await fetch(page)
        expect(res.status).toBe(200)
        expect(res.headers.get("content-type")).toMatch(/text\/html/)
        const html = await res.text()
        expect(html).toContain('data-amount="5000"')
        expect(html).toContain("50.00 EUR")
        expect(html).toContain('data-testid="challenge-confirm"')
        expect(html).toContain('"http://shop.test/checkout"')
        // What the page's button does: the same-origin authenticate POST, without the API key.
        const confirmed = await fetch(pending.data.next_action!.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ outcome: "succeed" }) })
        expect((await confirmed.json()).status).toBe("requires_capture")
        expect(await (await fetch(page)).text()).toContain('data-testid="challenge-done"')
        // A return address that is not http(s) is never followed.
        expect(await (await fetch(pending.data.next_action!.url + "?return_url=javascript:alert(1)")).text()).toContain("const back = null")
        expect((await fetch(`${psp.url}/v1/payment_intents/spi_missing/authenticate`)).status).toBe(404)
      })

      it("fails a capture on demand (amount ending in 13) and leaves the intent untouched", async () => {
        const p = provider()
        const auth = await authorize(100, CARD_OK)
        await expect(p.capturePayment({ data: { ...auth.data, amount_to_capture: "10.13" } })).rejects.toThrow(/capture_failed/)
        expect(await intentOf(auth.data)).toMatchObject({ status: "requires_capture", amount_captured: 0, amount_capturable: 10000 })
        // The same line can be retried with a good amount.
        const ok = (await p.capturePayment({ data: { ...auth.data, amount_to_capture: "10.12" } })).data as any
        expect(ok.amount_captured).toBe(1012)
      })

      it("through Medusa's payment module: each partial capture reaches the PSP with exactly Medusa's amount", async () => {
        const [collection] = await service.createPaymentCollections([{ currency_code: "eur", amount: 100 }])
        const session = await service.createPaymentSession(collection.id, {
          provider_id: "pp_sandbox_sandbox",
          currency_code: "eur",
          amount: 100,
          data: { card_number: CARD_OK },
        })
        const payment = (await service.authorizePaymentSession(session.id, {}))!
        expect((payment.data as any).status).toBe("requires_capture")

        // Medusa's capture workflow passes no amount to the provider: the provider reads Medusa's capture record.
        await service.capturePayment({ payment_id: payment.id, amount: 30 })
        await service.capturePayment({ payment_id: payment.id, amount: 20.5 })
        let stored = await service.retrievePayment(payment.id, { relations: ["captures"] })
        expect(stored.captures).toHaveLength(2)
        expect(stored.data).toMatchObject({ amount_captured: 5050, amount_capturable: 4950 })
        expect(await intentOf(stored.data as any)).toMatchObject({ amount_captured: 5050, status: "partially_captured" })

        // A per-line capture may also name the amount on the payment data; it must agree with Medusa's record.
        // UpdatePaymentDTO's type names only `id`; the module stores `data` all the same.
        await service.updatePayment({ id: payment.id, data: { ...stored.data, amount_to_capture: "15.00" } } as any)
        await service.capturePayment({ payment_id: payment.id, amount: 15 })
        await service.updatePayment({ id: payment.id, data: { ...(await service.retrievePayment(payment.id)).data, amount_to_capture: "1.00" } } as any)
        await expect(service.capturePayment({ payment_id: payment.id, amount: 2 })).rejects.toThrow(/differs from the capture Medusa booked/)

        // Medusa itself refuses to capture above the authorization, before the PSP is asked.
        await expect(service.capturePayment({ payment_id: payment.id, amount: 40 })).rejects.toThrow()

        await service.refundPayment({ payment_id: payment.id, amount: 12.25 })
        stored = await service.retrievePayment(payment.id, { relations: ["captures", "refunds"] })
        expect(stored.captures).toHaveLength(3)
        expect(stored.refunds).toHaveLength(1)
        const intent = await intentOf(stored.data as any)
        expect(intent).toMatchObject({ amount_captured: 6550, amount_refunded: 1225, amount_capturable: 3450 })
        expect(stored.data).toMatchObject({ amount_captured: 6550, amount_refunded: 1225 })
      })
    })

    describe("sandbox webhooks", () => {
      async function deliveryOf(intentId: string, type: string): Promise<Delivery> {
        return waitFor(() => receiver.deliveries.find((d) => d.event.type === type && d.event.data.object.id === intentId), `${type} for ${intentId}`)
      }

      const payloadOf = (d: Delivery, headers: Record<string, unknown> = d.headers) => ({ data: d.event as any, rawData: d.raw, headers: headers as any })

      it("accepts a well-signed event once; a replay of the same event id changes nothing", async () => {
        const auth = await authorize(70, CARD_OK)
        const delivery = await deliveryOf(auth.data.intent_id!, "payment_intent.authorized")
        expect(delivery.headers["sandbox-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

        // Through the module, exactly as Medusa's payment-webhook subscriber calls it.
        const result = await service.getWebhookActionAndData({ provider: "sandbox_sandbox", payload: payloadOf(delivery) })
        expect(result).toEqual({ action: PaymentActions.AUTHORIZED, data: { session_id: auth.sessionId, amount: "70.00" } })

        const replay = await service.getWebhookActionAndData({ provider: "sandbox_sandbox", payload: payloadOf(delivery) })
        expect(replay.action).toBe(PaymentActions.NOT_SUPPORTED)

        // The guard is in PostgreSQL: a fresh provider instance (a restarted server) still knows the event.
        const pg = ModulesSdkUtils.createPgConnection({ clientUrl: dbConfig.clientUrl, schema: dbConfig.schema })
        try {
          const rows = await pg(WEBHOOK_EVENT_TABLE).where({ id: delivery.event.id })
          expect(rows).toHaveLength(1)
          const restarted = new SandboxPaymentProviderService({ __pg_connection__: pg } as any, sandboxOptions)
          expect((await restarted.getWebhookActionAndData(payloadOf(delivery))).action).toBe(PaymentActions.NOT_SUPPORTED)
        } finally {
          await pg.destroy()
        }
      })

      it("rejects a bad signature, a tampered body and a stale timestamp", async () => {
        const auth = await authorize(71, CARD_OK)
        const delivery = await deliveryOf(auth.data.intent_id!, "payment_intent.authorized")
        const p = provider()
        const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)

        const badSig = { ...delivery.headers, "sandbox-signature": signatureHeader("whsec_wrong", delivery.raw) }
        await expect(p.getWebhookActionAndData(payloadOf(delivery, badSig))).rejects.toThrow(/bad_signature/)

        const tampered = Buffer.from(delivery.raw.toString("utf8").replace('"amount":7100', '"amount":1'))
        await expect(p.getWebhookActionAndData({ ...payloadOf(delivery), rawData: tampered })).rejects.toThrow(/bad_signature/)

        const stale = { ...delivery.headers, "sandbox-signature": signatureHeader(SECRET, delivery.raw, Math.floor(Date.now() / 1000) - 301) }
        await expect(p.getWebhookActionAndData(payloadOf(delivery, stale))).rejects.toThrow(/stale_timestamp/)

        const missing = { ...delivery.headers, "sandbox-signature": undefined }
        await expect(p.getWebhookActionAndData(payloadOf(delivery, missing))).rejects.toThrow(/missing_header/)
        expect(warn).toHaveBeenCalledTimes(4)
        warn.mockRestore()

        // None of the rejected attempts consumed the event id: the genuine delivery still goes through.
        expect((await p.getWebhookActionAndData(payloadOf(delivery))).action).toBe(PaymentActions.AUTHORIZED)
      })

      it("a late 'authorized' event after a cancel does not resurrect the payment", async () => {
        const p = provider()
        const auth = await authorize(72, CARD_OK)
        const authorized = await deliveryOf(auth.data.intent_id!, "payment_intent.authorized")
        await p.cancelPayment({ data: auth.data as any })
        const canceled = await deliveryOf(auth.data.intent_id!, "payment_intent.canceled")

        expect((await p.getWebhookActionAndData(payloadOf(canceled))).action).toBe(PaymentActions.CANCELED)
        expect((await p.getWebhookActionAndData(payloadOf(authorized))).action).toBe(PaymentActions.CANCELED)
      })

      it("capture and refund events are informational (Medusa booked them already)", async () => {
        const p = provider()
        const auth = await authorize(73, CARD_OK)
        await p.capturePayment({ data: { ...auth.data, amount_to_capture: "10.00" } })
        const captured = await deliveryOf(auth.data.intent_id!, "payment_intent.captured")
        expect(captured.event.data.capture).toMatchObject({ amount: 1000 })
        expect((await p.getWebhookActionAndData(payloadOf(captured))).action).toBe(PaymentActions.NOT_SUPPORTED)
      })

      it("retries a failed delivery with backoff until the receiver answers 2xx", async () => {
        receiver.statuses.push(500, 503)
        const auth = await authorize(74, CARD_OK)
        const delivery = await deliveryOf(auth.data.intent_id!, "payment_intent.authorized")
        const { data } = await (await fetch(`${psp.url}/v1/events?payment_intent=${auth.data.intent_id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()
        const event = data.find((e: any) => e.id === delivery.event.id)
        expect(event.delivery).toMatchObject({ attempts: 3, last_error: null })
        expect(event.delivery.delivered_at).toEqual(expect.any(Number))
        // Every attempt is signed afresh over the same body; the delivered one verifies.
        expect((await provider().getWebhookActionAndData(payloadOf(delivery))).action).toBe(PaymentActions.AUTHORIZED)
      })
    })

    describe("sandbox PSP server", () => {
      it("refuses calls without the API key", async () => {
        const res = await fetch(`${psp.url}/v1/payment_intents`, { method: "POST", body: JSON.stringify({ amount: 100, currency: "eur" }) })
        expect(res.status).toBe(401)
      })

      it("replays the first answer for a repeated Idempotency-Key and refuses the key with another body", async () => {
        const auth = await authorize(80, CARD_OK)
        const a = await client.capture(auth.data.intent_id!, 1000, "capt_same")
        const b = await client.capture(auth.data.intent_id!, 1000, "capt_same")
        expect(b.amount_captured).toBe(a.amount_captured)
        expect((await intentOf(auth.data)).captures).toHaveLength(1)
        await expect(client.capture(auth.data.intent_id!, 2000, "capt_same")).rejects.toMatchObject({ status: 409, code: "idempotency_key_reused" })
      })

      it("keeps intents and partial captures in its JSON file across a restart", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-psp-")), "state.json")
        const first = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: "", dataFile: file })
        const c1 = new SandboxPspClient({ baseUrl: first.url, apiKey: API_KEY })
        const intent: PaymentIntent = await c1.createIntent({ amount: 5000, currency: "eur", card_number: CARD_OK })
        await c1.capture(intent.id, 1200)
        await first.close()

        const second = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: "", dataFile: file })
        try {
          const c2 = new SandboxPspClient({ baseUrl: second.url, apiKey: API_KEY })
          expect(await c2.retrieveIntent(intent.id)).toMatchObject({ status: "partially_captured", amount_captured: 1200, amount_capturable: 3800 })
          await expect(c2.capture(intent.id, 3801)).rejects.toMatchObject({ status: 400, code: "amount_too_large" })
          expect(await c2.capture(intent.id, 3800)).toMatchObject({ status: "succeeded", amount_captured: 5000 })
        } finally {
          await second.close()
        }
      })
    })

    describe("sandbox PSP fault modes and idempotency records", () => {
      const faults = (body: unknown, key = API_KEY) =>
        fetch(`${psp.url}/v1/_test/faults`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) })
      // No retries: each test sees the fault itself, then retries by hand with the same key.
      const bare = (timeoutMs?: number) => new SandboxPspClient({ baseUrl: psp.url, apiKey: API_KEY, retries: 0, timeoutMs })
      const newIntent = (amount = 10000) => client.createIntent({ amount, currency: "eur", card_number: CARD_OK })
      const intentCount = () => psp.server.store.intents().length

      async function until<T>(fn: () => Promise<T | undefined | null>, what: string): Promise<T> {
        const deadline = Date.now() + 10000
        for (;;) {
          const value = await fn().catch(() => undefined)
          if (value) return value
          if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
          await new Promise((r) => setTimeout(r, 25))
        }
      }

      afterEach(async () => {
        psp.setFaults({ mode: "none" })
      })

      it("the fault switch needs the API key, validates its body, and does not exist when faults are not allowed", async () => {
        expect((await faults({ mode: "down" }, "sk_wrong")).status).toBe(401)
        const bad = await faults({ mode: "flaky" })
        expect(bad.status).toBe(400)
        expect((await bad.json()).error.code).toBe("parameter_invalid_faults")
        expect((await faults({ mode: "slow", operations: ["teleport"] })).status).toBe(400)
        const on = await faults({ mode: "error_after_commit", operations: ["refund"], count: 2 })
        expect(await on.json()).toMatchObject({ mode: "error_after_commit", operations: ["refund"], remaining: 2 })

        const prod = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: "", dataFile: "", allowFaults: false })
        try {
          const res = await fetch(`${prod.url}/v1/_test/faults`, { method: "POST", headers: { authorization: `Bearer ${API_KEY}` }, body: JSON.stringify({ mode: "down" }) })
          expect(res.status).toBe(404)
          expect(() => prod.setFaults({ mode: "down" })).toThrow(/tests only/)
        } finally {
          await prod.close()
        }
        await expect(startSandboxPsp({ port: 0, apiKey: API_KEY, webhookUrl: "", dataFile: "", allowFaults: false, faults: { mode: "down" } })).rejects.toThrow(/tests only/)
      })

      it("down: every call fails as a retryable network error and changes nothing until switched off", async () => {
        const intent = await newIntent()
        const before = intentCount()
        await faults({ mode: "down" })
        await expect(bare().createIntent({ amount: 500, currency: "eur" }, "down-create")).rejects.toMatchObject({ status: 0, code: "network_error", retryable: true })
        await expect(bare().capture(intent.id, 1000, "down-capture")).rejects.toMatchObject({ status: 0, retryable: true })
        await expect(bare().retrieveIntent(intent.id)).rejects.toMatchObject({ status: 0 })
        await expect(fetch(`${psp.url}/health`)).rejects.toThrow()
        expect(intentCount()).toBe(before)
        expect((await faults({ mode: "none" })).status).toBe(200)
        expect(await client.retrieveIdempotencyKey("down-capture")).toBeNull()
        expect(await bare().capture(intent.id, 1000, "down-capture")).toMatchObject({ amount_captured: 1000 })
      })

      it("error_after_commit: the capture happened although the answer is a 500; a retry with the key replays it", async () => {
        const intent = await newIntent()
        await faults({ mode: "error_after_commit", operations: ["capture"] })
        await expect(bare().capture(intent.id, 2500, "eac-1")).rejects.toMatchObject({ status: 500, code: "processing_error", retryable: true })
        // Other operations are not affected.
        expect(await bare().refund(intent.id, 100, "eac-refund")).toMatchObject({ amount_refunded: 100 })
        expect((await client.retrieveIntent(intent.id)).captures).toEqual([expect.objectContaining({ amount: 2500, idempotency_key: "eac-1" })])
        // While the fault is still on, the retry is answered from the stored record, not captured again.
        const replay = await bare().capture(intent.id, 2500, "eac-1")
        expect(replay).toMatchObject({ amount_captured: 2500, amount_capturable: 7500 })
        expect((await client.retrieveIntent(intent.id)).amount_captured).toBe(2500)
      })

      it("commit_then_drop: the refund happened but no answer came; the client's own retry gets the committed result", async () => {
        const intent = await newIntent()
        await client.capture(intent.id, 6000)
        await faults({ mode: "commit_then_drop", operations: ["refund"], count: 1 })
        await expect(bare().refund(intent.id, 1500, "ctd-1")).rejects.toMatchObject({ status: 0, retryable: true })
        expect(await client.retrieveIdempotencyKey("ctd-1")).toMatchObject({
          key: "ctd-1",
          status: 200,
          request: { method: "POST", path: `/v1/payment_intents/${intent.id}/refunds` },
          body: { id: intent.id, amount_refunded: 1500, refunds: [{ amount: 1500, idempotency_key: "ctd-1" }] },
        })

        // The default client retries a dropped answer with the same key: the caller sees one clean success.
        await faults({ mode: "commit_then_drop", operations: ["refund"], count: 1 })
        expect(await client.refund(intent.id, 700, "ctd-2")).toMatchObject({ amount_refunded: 2200 })
        expect((await client.retrieveIntent(intent.id)).refunds.map((r) => [r.amount, r.idempotency_key])).toEqual([
          [1500, "ctd-1"],
          [700, "ctd-2"],
        ])
      })

      it("slow: the client times out, the PSP commits later; meanwhile the key is in use, afterwards it replays", async () => {
        const intent = await newIntent()
        await faults({ mode: "slow", operations: ["capture"], count: 1, delay_ms: 1500 })
        await expect(bare(100).capture(intent.id, 3000, "slow-1")).rejects.toMatchObject({ status: 0, code: "timeout", retryable: true })
        // Still running at the PSP: neither "not found" (it may yet happen) nor a second capture.
        // (The default client would retry that itself until the answer is there.)
        await expect(bare().retrieveIdempotencyKey("slow-1")).rejects.toMatchObject({ status: 409, code: "idempotency_key_in_use", retryable: true })
        await expect(bare().capture(intent.id, 3000, "slow-1")).rejects.toMatchObject({ status: 409, code: "idempotency_key_in_use" })
        expect((await client.retrieveIntent(intent.id)).amount_captured).toBe(0)

        const record = await until(() => client.retrieveIdempotencyKey("slow-1"), "the slow capture to commit")
        expect(record).toMatchObject({ status: 200, body: { amount_captured: 3000 } })
        expect(await bare().capture(intent.id, 3000, "slow-1")).toMatchObject({ amount_captured: 3000 })
        expect((await client.retrieveIntent(intent.id)).captures).toHaveLength(1)
      })

      it("the idempotency record: 404 for an unknown key, 4xx answers remembered, 5xx not", async () => {
        expect(await client.retrieveIdempotencyKey("never-used")).toBeNull()
        const intent = await newIntent()
        await expect(client.capture(intent.id, 1013, "declined-capture")).rejects.toMatchObject({ status: 402 })
        expect(await client.retrieveIdempotencyKey("declined-capture")).toMatchObject({ status: 402, body: { error: { code: "capture_failed" } } })
        await expect(bare().createIntent({ amount: 100, currency: "eur", card_number: "4000000000000119" }, "psp-error")).rejects.toMatchObject({ status: 500 })
        expect(await client.retrieveIdempotencyKey("psp-error")).toBeNull()

        const created = await client.createIntent({ amount: 800, currency: "eur", card_number: CARD_OK }, "create-key")
        expect(created.idempotency_key).toBe("create-key")
        const record = await client.retrieveIdempotencyKey("create-key")
        expect(record).toMatchObject({ status: 201, body: { id: created.id, status: "requires_capture" } })
        expect(Math.abs(record!.created - Date.now() / 1000)).toBeLessThan(60)
        // A snapshot of the answer then, not the intent now.
        await client.capture(created.id, 800)
        expect((await client.retrieveIdempotencyKey("create-key"))!.body).toMatchObject({ amount_captured: 0 })
      })

      it("starts in a fault mode from SANDBOX_PSP_FAULTS (how a child process or npm run dev gets one)", async () => {
        const saved = process.env.SANDBOX_PSP_FAULTS
        process.env.SANDBOX_PSP_FAULTS = JSON.stringify({ mode: "error_after_commit", operations: ["authorize"], count: 1 })
        const faulty = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: "", dataFile: "" })
        try {
          const c = new SandboxPspClient({ baseUrl: faulty.url, apiKey: API_KEY, retries: 0 })
          await expect(c.createIntent({ amount: 900, currency: "eur" }, "env-1")).rejects.toMatchObject({ status: 500 })
          const retried = await c.createIntent({ amount: 900, currency: "eur" }, "env-1")
          expect(faulty.server.store.intents().map((i) => i.id)).toEqual([retried.id])
        } finally {
          if (saved === undefined) delete process.env.SANDBOX_PSP_FAULTS
          else process.env.SANDBOX_PSP_FAULTS = saved
          await faulty.close()
        }
      })
    })
  },
})
