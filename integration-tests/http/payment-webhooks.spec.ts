import crypto from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { RECEIPT_HEADER } from "../../src/lib/webhook-receipt"
import { signatureHeader } from "../../src/modules/sandbox-payment/signature"
import { failing } from "../helpers/admin"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(120 * 1000)

const SECRET = "whsec_test_webhooks"
const STRIPE_SECRET = "whsec_stripe_webhooks_test"
// The Stripe provider is registered only with a key; no Stripe API call is made in this file.
const STRIPE_ENV = { STRIPE_API_KEY: "sk_test_webhooks", STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, STRIPE_API_BASE: "http://127.0.0.1:9" }
Object.assign(process.env, { SANDBOX_PSP_WEBHOOK_SECRET: SECRET, ...STRIPE_ENV })
afterAll(() => {
  for (const k of Object.keys(STRIPE_ENV)) delete process.env[k]
})

// Both providers' default tolerance: 300 s (sandbox DEFAULT_TOLERANCE_SECONDS; Stripe's documented default).
const TOLERANCE_S = 300
const nowS = () => Math.floor(Date.now() / 1000)

/**
 * Stripe-Signature as Stripe documents it ("Verify webhook signatures manually"): the signed payload
 * is "<timestamp>.<raw body>", v1 = hex HMAC-SHA256 of it under the endpoint secret, header
 * "t=<timestamp>,v1=<signature>". Written here from the documentation, not with our code.
 */
const stripeSignature = (secret: string, body: string, t = nowS()) =>
  `t=${t},v1=${crypto.createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`

medusaIntegrationTestRunner({
  env: { SANDBOX_PSP_WEBHOOK_SECRET: SECRET, ...STRIPE_ENV },
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    const url = "/hooks/payment/sandbox_sandbox"
    const body = JSON.stringify({ id: "evt_test_1", type: "payment_intent.authorized", data: { id: "spi_unknown" } })
    const post = (headers: Record<string, string>, to = url, payload = body) =>
      api.post(to, payload, { headers: { "content-type": "application/json", ...headers } })

    /** Records when the provider processes the delivery of event `eventId` and what came of it (the real method runs). */
    function watchProcessing(providerId: string, eventId: string) {
      const provider = (getContainer().resolve(Modules.PAYMENT) as any).paymentProviderService_.retrieveProvider(providerId)
      const original = provider.getWebhookActionAndData.bind(provider)
      const seen: { at: number; outcome: Promise<{ ok: boolean; value: any }> }[] = []
      const spy = jest.spyOn(provider, "getWebhookActionAndData").mockImplementation((payload: any) => {
        const result = original(payload)
        if (!String(payload?.rawData ?? "").includes(`"id":"${eventId}"`)) return result // e.g. a call of an earlier test
        seen.push({ at: Date.now(), outcome: result.then((value: any) => ({ ok: true, value }), (e: any) => ({ ok: false, value: e?.message })) })
        return result
      })
      return { seen, restore: () => spy.mockRestore() }
    }

    it("refuses unsigned, forged and stale webhooks with 400 and a code", async () => {
      expect(await failing(post({}))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_WEBHOOK_SIGNATURE" }) })
      expect(await failing(post({ "sandbox-signature": signatureHeader("wrong-secret", body) }))).toEqual({
        status: 400, data: expect.objectContaining({ code: "INVALID_WEBHOOK_SIGNATURE" }),
      })
      const stale = signatureHeader(SECRET, body, nowS() - 3600)
      expect((await failing(post({ "sandbox-signature": stale }))).data.message).toMatch(/tolerance/)
      // A receipt stamp sent by the caller is discarded: the call is still checked at its arrival.
      expect((await failing(post({ "sandbox-signature": stale, [RECEIPT_HEADER]: `t=${Date.now() - 3600_000},v1=${"0".repeat(64)}` }))).status).toBe(400)
      // A body changed after signing no longer matches.
      const tampered = await failing(api.post(url, body.replace("evt_test_1", "evt_test_2"), {
        headers: { "content-type": "application/json", "sandbox-signature": signatureHeader(SECRET, body) },
      }))
      expect(tampered.status).toBe(400)
    })

    it("accepts a correctly signed webhook, twice", async () => {
      const headers = { "sandbox-signature": signatureHeader(SECRET, body) }
      expect((await post(headers)).status).toBe(200)
      expect((await post(headers)).status).toBe(200)
    })

    // Medusa's route answers 200 and processes the event after `webhook_delay` (default 5 s). An
    // event signed TOLERANCE − 2 s ago is fresh on arrival and ≥ TOLERANCE + 3 s old when processed.
    it("processes an event accepted near the tolerance edge even when processing happens after it (sandbox)", async () => {
      const watch = watchProcessing("pp_sandbox_sandbox", "evt_edge_1")
      try {
        const signedAt = nowS() - (TOLERANCE_S - 2)
        const edge = JSON.stringify({ id: "evt_edge_1", type: "payment_intent.authorized", data: { id: "spi_edge" } })
        expect((await post({ "sandbox-signature": signatureHeader(SECRET, edge, signedAt) }, url, edge)).status).toBe(200)
        await waitFor(async () => watch.seen.length, (n) => n > 0)
        expect(watch.seen).toHaveLength(1)
        expect(Math.floor(watch.seen[0].at / 1000) - signedAt).toBeGreaterThan(TOLERANCE_S) // processed past the edge …
        expect(await watch.seen[0].outcome).toEqual({ ok: true, value: { action: "not_supported" } }) // … and not dropped as stale
      } finally {
        watch.restore()
      }
    })

    describe("Stripe (/hooks/payment/stripe_stripe)", () => {
      const stripeUrl = "/hooks/payment/stripe_stripe"
      // A payment_intent event as Stripe sends it; no session_id in metadata: Medusa's provider maps it to not_supported.
      const event = (id: string) => JSON.stringify({
        id, object: "event", type: "payment_intent.succeeded",
        data: { object: { id: "pi_webhook_test", object: "payment_intent", amount: 1000, currency: "eur", metadata: {} } },
      })

      it("answers 400 to unsigned, forged and stale calls so Stripe retries them, 200 to a signed one", async () => {
        const e = event("evt_stripe_1")
        const refused = async (headers: Record<string, string>) => failing(post(headers, stripeUrl, e))
        expect(await refused({})).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_WEBHOOK_SIGNATURE" }) })
        expect((await refused({ "stripe-signature": stripeSignature("whsec_forged", e) })).status).toBe(400)
        expect((await refused({ "stripe-signature": stripeSignature(STRIPE_SECRET, e, nowS() - TOLERANCE_S - 60) })).data.message).toMatch(/tolerance/i)
        expect((await failing(post({ "stripe-signature": stripeSignature(STRIPE_SECRET, e) }, stripeUrl, e.replace("1000", "1")))).status).toBe(400)
        expect((await post({ "stripe-signature": stripeSignature(STRIPE_SECRET, e) }, stripeUrl, e)).status).toBe(200)
      })

      it("processes an event accepted near the tolerance edge after Medusa's delay", async () => {
        const watch = watchProcessing("pp_stripe_stripe", "evt_stripe_edge")
        try {
          const signedAt = nowS() - (TOLERANCE_S - 2)
          const e = event("evt_stripe_edge")
          expect((await post({ "stripe-signature": stripeSignature(STRIPE_SECRET, e, signedAt) }, stripeUrl, e)).status).toBe(200)
          await waitFor(async () => watch.seen.length, (n) => n > 0)
          expect(watch.seen).toHaveLength(1)
          expect(Math.floor(watch.seen[0].at / 1000) - signedAt).toBeGreaterThan(TOLERANCE_S)
          expect(await watch.seen[0].outcome).toEqual({ ok: true, value: { action: "not_supported" } })
        } finally {
          watch.restore()
        }
      })
    })
  },
})
