import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { signatureHeader } from "../../src/modules/sandbox-payment/signature"
import { failing } from "../helpers/admin"
import { drainEventBus } from "../helpers/events"

jest.setTimeout(120 * 1000)

const SECRET = "whsec_test_webhooks"
process.env.SANDBOX_PSP_WEBHOOK_SECRET = SECRET

medusaIntegrationTestRunner({
  env: { SANDBOX_PSP_WEBHOOK_SECRET: SECRET },
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    const url = "/hooks/payment/sandbox_sandbox"
    const body = JSON.stringify({ id: "evt_test_1", type: "payment_intent.authorized", data: { id: "spi_unknown" } })
    const post = (headers: Record<string, string>) =>
      api.post(url, body, { headers: { "content-type": "application/json", ...headers } })

    it("refuses unsigned, forged and stale webhooks with 400 and a code", async () => {
      expect(await failing(post({}))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_WEBHOOK_SIGNATURE" }) })
      expect(await failing(post({ "sandbox-signature": signatureHeader("wrong-secret", body) }))).toEqual({
        status: 400, data: expect.objectContaining({ code: "INVALID_WEBHOOK_SIGNATURE" }),
      })
      const stale = signatureHeader(SECRET, body, Math.floor(Date.now() / 1000) - 3600)
      expect((await failing(post({ "sandbox-signature": stale }))).data.message).toMatch(/tolerance/)
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
  },
})
