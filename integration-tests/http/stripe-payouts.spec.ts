import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { adminProduct, approvedMerchant } from "../helpers/merchants"
import { startStripeContractServer, type StripeContractServer } from "../helpers/stripe-contract-server"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180 * 1000)

// Stripe is unreachable from here: Stripe Connect payouts go to the local Stripe-contract server.
const STRIPE_KEY = "sk_test_payouts_http"
const PSP_KEY = "sk_sandbox_stripe_payouts"
let stripe: StripeContractServer
let psp: Awaited<ReturnType<typeof startSandboxPsp>>

// Before the app boots (the runner's beforeAll): medusa-config reads these.
beforeAll(async () => {
  stripe = await startStripeContractServer({ apiKey: STRIPE_KEY, connectedAccounts: ["acct_academy"] })
  psp = await startSandboxPsp({ port: 0, apiKey: PSP_KEY, webhookSecret: "whsec_stripe_payouts", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, {
    STRIPE_API_KEY: STRIPE_KEY, STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: "whsec_stripe_test",
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: PSP_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_stripe_payouts", ESCROW_HOLD_MS: "0",
  })
})
afterAll(async () => {
  for (const k of ["STRIPE_API_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "ESCROW_HOLD_MS"]) delete process.env[k]
  await stripe?.close()
  await psp?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("pays a connected merchant by Stripe transfer; a transfer lost to an outage is resent with its key and paid once", async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const academy = await approvedMerchant(api, admin, "stripe-academy")
      await (getContainer().resolve(MARKETPLACE_MODULE) as any).updateMerchants({ id: academy.merchant.id, payout_method: { type: "stripe_connect", stripe_account_id: "acct_academy" } })
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const course = await adminProduct(api, admin, { title: "Connected course", amount: 40, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "stripe-buyer@test.local" }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      await api.post(`/store/carts/${cart.id}/complete`, {}, store)

      const balance = async () => (await api.get("/merchant/balance", academy.owner)).data.balances[0] ?? {}
      await waitFor(balance, (b: any) => b.escrow === 3600) // 40.00 less 10 %
      await api.post("/admin/escrow/release", {}, admin)

      // The transfer request meets a Stripe outage: the payout stays PENDING, its money in transit.
      stripe.failNext(500, { path: /transfers/ })
      const [payout] = (await api.post("/admin/payout-batches", { run_key: "stripe-1" }, admin)).data.payout_batch.payouts
      expect(payout).toEqual(expect.objectContaining({ provider: "stripe_connect", status: "PENDING", amount: 3600, failure_reason: expect.stringContaining("500") }))
      expect(await balance()).toEqual(expect.objectContaining({ available: 0, in_transit: 3600 }))
      expect(stripe.transfers.size).toBe(0)

      // Resent with the same key: paid once, to the connected account.
      const resent = (await api.post(`/admin/payouts/${payout.id}/resend`, {}, admin)).data.payout
      expect(resent).toEqual(expect.objectContaining({ status: "PAID", provider_reference: expect.stringMatching(/^tr_/) }))
      expect([...stripe.transfers.values()]).toEqual([expect.objectContaining({ amount: 3600, currency: "eur", destination: "acct_academy" })])
      expect(stripe.requests.filter((r) => r.path === "/v1/transfers").map((r) => r.idempotencyKey)).toEqual([payout.id, payout.id])
      expect(await balance()).toEqual(expect.objectContaining({ available: 0, in_transit: 0, paid_out: 3600 }))
      expect(await failing(api.post(`/admin/payouts/${payout.id}/resend`, {}, admin))).toEqual({ status: 409, data: expect.objectContaining({ code: "PAYOUT_NOT_RESENDABLE" }) })
    })
  },
})
