import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import * as PaymentModels from "@medusajs/payment/dist/models"
import StripePaymentProviderService, { parseApiBase } from "../../src/modules/stripe-payment/service"
import { startStripeContractServer, stripeEvent, stripeSignatureHeader, type StripeContractServer } from "../helpers/stripe-contract-server"

jest.setTimeout(60 * 1000)

const API_KEY = "sk_test_contract_123"
const SECRET = "whsec_contract_test"

// Filled in by beforeAll (the server's random port) before the module boots; shared by reference.
const stripeOptions = { apiKey: API_KEY, webhookSecret: SECRET, apiBase: "" }

moduleIntegrationTestRunner<IPaymentModuleService>({
  moduleName: Modules.PAYMENT,
  resolve: "@medusajs/payment",
  moduleModels: Object.values(PaymentModels),
  moduleOptions: { providers: [{ resolve: "./src/modules/stripe-payment", id: "stripe", options: stripeOptions }] },
  testSuite: ({ service }) => {
    let stripe: StripeContractServer

    beforeAll(async () => {
      stripe = await startStripeContractServer({ apiKey: API_KEY })
      stripeOptions.apiBase = stripe.url
    })
    afterAll(async () => {
      await stripe?.close()
    })
    beforeEach(() => stripe.reset())

    const provider = () => (service as any).paymentProviderService_.retrieveProvider("pp_stripe_stripe") as StripePaymentProviderService
    const calls = (method: string, path: RegExp) => stripe.requests.filter((r) => r.method === method && path.test(r.path))

    async function authorizedPayment(amount: number, payment_method = "pm_card_visa") {
      const [collection] = await service.createPaymentCollections([{ currency_code: "usd", amount }])
      // What Stripe.js does in the browser is done here at creation (`confirm: true` with a test card).
      const session = await service.createPaymentSession(collection.id, {
        provider_id: "pp_stripe_stripe",
        currency_code: "usd",
        amount,
        data: { payment_method, confirm: true },
      })
      const payment = (await service.authorizePaymentSession(session.id, {}))!
      return { collection, session, payment }
    }

    describe("Stripe provider (src/modules/stripe-payment) against the Stripe contract server", () => {
      it("is registered as pp_stripe_stripe and talks to apiBase, with Bearer auth", async () => {
        const providers = await service.listPaymentProviders({ id: "pp_stripe_stripe" })
        expect(providers).toHaveLength(1)
        expect(parseApiBase("http://localhost:12111")).toEqual({ host: "localhost", port: 12111, protocol: "http" })
        expect(() => parseApiBase("http://localhost:12111/v1")).toThrow(/path/)

        const unauthenticated = await fetch(`${stripe.url}/v1/payment_intents`, { method: "POST" })
        expect(unauthenticated.status).toBe(401)
        expect((await unauthenticated.json()).error).toMatchObject({ type: "invalid_request_error" })

        const wrongKey = new StripePaymentProviderService({}, { ...stripeOptions, apiKey: "sk_test_wrong" })
        await expect(wrongKey.retrievePayment({ data: { id: "pi_x" } })).rejects.toThrow(/Invalid API Key/)
      })

      it("initiate → client confirm → authorize → two partial captures (multicapture) → partial refund → cancel releases the rest", async () => {
        const [collection] = await service.createPaymentCollections([{ currency_code: "usd", amount: 100 }])
        const session = await service.createPaymentSession(collection.id, { provider_id: "pp_stripe_stripe", currency_code: "usd", amount: 100, data: {} })
        const intentId = (session.data as any).id as string
        expect(intentId).toMatch(/^pi_/)
        const created = calls("POST", /^\/v1\/payment_intents$/)[0]
        expect(created.params).toMatchObject({
          amount: "10000",
          currency: "usd",
          capture_method: "manual",
          payment_method_options: { card: { request_multicapture: "if_available" } },
          metadata: { session_id: session.id },
        })
        expect(created.idempotencyKey).toBe(session.id)

        // Not confirmed yet: Medusa refuses to authorize.
        await expect(service.authorizePaymentSession(session.id, {})).rejects.toThrow()
        // The buyer's browser confirms with Stripe.js (same documented endpoint, publishable key aside).
        const confirmed = await fetch(`${stripe.url}/v1/payment_intents/${intentId}/confirm`, {
          method: "POST",
          headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/x-www-form-urlencoded" },
          body: "payment_method=pm_card_visa",
        })
        expect((await confirmed.json()).status).toBe("requires_capture")

        const payment = (await service.authorizePaymentSession(session.id, {}))!
        expect(payment.data).toMatchObject({ id: intentId, status: "requires_capture", amount_capturable: 10000 })

        await service.capturePayment({ payment_id: payment.id, amount: 30 })
        await service.capturePayment({ payment_id: payment.id, amount: 20.5 })
        const captures = calls("POST", /\/capture$/)
        expect(captures.map((c) => c.params)).toEqual([
          { amount_to_capture: "3000", final_capture: "false" },
          { amount_to_capture: "2050", final_capture: "false" },
        ])
        const stored = await service.retrievePayment(payment.id, { relations: ["captures"] })
        expect(stored.captures!.map((c) => c.id)).toEqual(expect.arrayContaining(captures.map((c) => c.idempotencyKey)))
        expect(stored.data).toMatchObject({ status: "requires_capture", amount_received: 5050, amount_capturable: 4950 })

        await service.refundPayment({ payment_id: payment.id, amount: 12.25 })
        expect(calls("POST", /^\/v1\/refunds$/).map((r) => r.params)).toEqual([{ amount: "1225", payment_intent: intentId }])
        expect(stripe.charges.get(stripe.intents.get(intentId)!.latest_charge)).toMatchObject({ amount_captured: 5050, amount_refunded: 1225 })
        // Over-refund: Stripe refuses, Medusa's provider surfaces it.
        await expect(provider().refundPayment({ data: stored.data as any, amount: 50, context: {} })).rejects.toThrow(/greater than unrefunded/)

        const canceled = await service.cancelPayment(payment.id)
        expect(canceled.data).toMatchObject({ status: "canceled", amount_received: 5050, amount_capturable: 0 })
      })

      it("captures the remainder as the final capture, and a capture Medusa books in one go captures everything", async () => {
        const { payment } = await authorizedPayment(100)
        await service.capturePayment({ payment_id: payment.id, amount: 40 })
        await service.capturePayment({ payment_id: payment.id, amount: 60 })
        expect(calls("POST", /\/capture$/).map((c) => c.params)).toEqual([{ amount_to_capture: "4000", final_capture: "false" }, {}])
        const done = await service.retrievePayment(payment.id)
        expect(done.data).toMatchObject({ status: "succeeded", amount_received: 10000 })
        expect(done.captured_at).toBeTruthy()
      })

      it("without multicapture on the card, the first partial capture takes the whole authorization (held), later parts are no-ops", async () => {
        const { payment } = await authorizedPayment(100, "pm_card_jcb")
        await service.capturePayment({ payment_id: payment.id, amount: 30 })
        await service.capturePayment({ payment_id: payment.id, amount: 70 })
        expect(calls("POST", /\/capture$/).map((c) => c.params)).toEqual([{}])
        expect((await service.retrievePayment(payment.id)).data).toMatchObject({ status: "succeeded", amount_received: 10000 })
      })

      it("a declined card: the intent is kept with last_payment_error and Medusa refuses the authorization", async () => {
        const [collection] = await service.createPaymentCollections([{ currency_code: "usd", amount: 20 }])
        const session = await service.createPaymentSession(collection.id, {
          provider_id: "pp_stripe_stripe",
          currency_code: "usd",
          amount: 20,
          data: { payment_method: "pm_card_chargeDeclined", confirm: true },
        })
        expect(calls("POST", /^\/v1\/payment_intents$/)[0].status).toBe(402)
        expect(session.data).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "card_declined", decline_code: "generic_decline" } })
        expect((await provider().getPaymentStatus({ data: session.data as any })).status).toBe(PaymentSessionStatus.ERROR)
        await expect(service.authorizePaymentSession(session.id, {})).rejects.toThrow()
      })

      it("a 500 then success: the Stripe SDK retries with the same Idempotency-Key and the capture happens once", async () => {
        const { payment } = await authorizedPayment(100)
        stripe.reset()
        stripe.failNext(500, { path: /\/capture$/ })
        await service.capturePayment({ payment_id: payment.id, amount: 25 })
        const attempts = calls("POST", /\/capture$/)
        expect(attempts.map((a) => a.status)).toEqual([500, 200])
        expect(attempts[0].idempotencyKey).toBe(attempts[1].idempotencyKey)
        expect(stripe.intents.get((payment.data as any).id)).toMatchObject({ amount_received: 2500, amount_capturable: 7500 })

        // 429 lock_timeout with Stripe-Should-Retry: true is retried as well (GET of the intent before capturing).
        stripe.failNext(429, { path: /^\/v1\/payment_intents\/[^/]+$/, shouldRetry: true })
        await service.capturePayment({ payment_id: payment.id, amount: 25 })
        expect(calls("GET", /^\/v1\/payment_intents\/[^/]+$/).map((a) => a.status)).toEqual([200, 429, 200])

        // A replay with the same key (e.g. Medusa retrying after a lost response) is answered from Stripe's idempotency store.
        const key = attempts[1].idempotencyKey!
        const replay = await provider().stripe_.paymentIntents.capture((payment.data as any).id, { amount_to_capture: 2500, final_capture: false } as any, { idempotencyKey: key })
        expect(replay.amount_received).toBe(2500) // the first response, not a third capture
        expect(stripe.intents.get((payment.data as any).id)!.amount_received).toBe(5000)
        await expect(provider().stripe_.paymentIntents.capture((payment.data as any).id, { amount_to_capture: 100 }, { idempotencyKey: key })).rejects.toThrow(
          /same parameters/
        )

        // Retries exhausted (maxNetworkRetries 2 → 3 attempts): the capture fails and nothing is captured.
        stripe.failNext(500, { path: /\/capture$/, times: 3 })
        await expect(service.capturePayment({ payment_id: payment.id, amount: 10 })).rejects.toMatchObject({ status: 503, code: "PSP_UNAVAILABLE" })
        expect(stripe.intents.get((payment.data as any).id)!.amount_received).toBe(5000)

        // Stripe unreachable: the same outage error, naming no host or port.
        const unreachable = new StripePaymentProviderService({}, { ...stripeOptions, apiBase: "http://127.0.0.1:1", maxNetworkRetries: 0 })
        const refused = await unreachable.retrievePayment({ data: { id: "pi_x" } }).catch((e) => e)
        expect(refused).toMatchObject({ status: 503, code: "PSP_UNAVAILABLE" })
        expect(refused.message).not.toMatch(/127\.0\.0\.1|:1\b/)
      })

      it("webhooks: a Stripe-signed event is accepted and mapped, a bad or stale signature is rejected", async () => {
        const { session, payment } = await authorizedPayment(30)
        const intent = stripe.intents.get((payment.data as any).id)!
        const raw = JSON.stringify(stripeEvent("payment_intent.amount_capturable_updated", intent))
        const ok = await provider().getWebhookActionAndData({ data: JSON.parse(raw), rawData: Buffer.from(raw), headers: { "stripe-signature": stripeSignatureHeader(raw, SECRET) } })
        expect(ok).toEqual({ action: PaymentActions.AUTHORIZED, data: { session_id: session.id, amount: 30 } })

        const canceledRaw = JSON.stringify(stripeEvent("payment_intent.canceled", intent))
        const canceled = await provider().getWebhookActionAndData({ data: {}, rawData: canceledRaw, headers: { "stripe-signature": stripeSignatureHeader(canceledRaw, SECRET) } })
        expect(canceled.action).toBe(PaymentActions.CANCELED)

        const forged = stripeSignatureHeader(raw, "whsec_someone_else")
        await expect(provider().getWebhookActionAndData({ data: {}, rawData: Buffer.from(raw), headers: { "stripe-signature": forged } })).rejects.toThrow(/signature/i)
        const tampered = raw.replace('"amount":3000', '"amount":1')
        await expect(
          provider().getWebhookActionAndData({ data: {}, rawData: Buffer.from(tampered), headers: { "stripe-signature": stripeSignatureHeader(raw, SECRET) } })
        ).rejects.toThrow(/signature/i)
        const stale = stripeSignatureHeader(raw, SECRET, Math.floor(Date.now() / 1000) - 3600)
        await expect(provider().getWebhookActionAndData({ data: {}, rawData: Buffer.from(raw), headers: { "stripe-signature": stale } })).rejects.toThrow(/tolerance/i)
        await expect(provider().getWebhookActionAndData({ data: {}, rawData: Buffer.from(raw), headers: {} })).rejects.toThrow()
      })
    })
  },
})
