import { bankTransferCsv } from "../../src/modules/marketplace/providers/payout/manual-bank-transfer"
import { payoutProviders, providerFor } from "../../src/modules/marketplace/providers/payout"
import { StripeConnectPayoutProvider } from "../../src/modules/marketplace/providers/payout/stripe-connect"
import { startStripeContractServer, type StripeContractServer } from "../helpers/stripe-contract-server"

jest.setTimeout(30 * 1000)

const API_KEY = "sk_test_payouts"
const connected = { id: "mer_1", legal_name: "Desert Wellness LLC", payout_method: { stripe_account_id: "acct_test_merchant" } }
const bank = { id: "mer_2", legal_name: "Snail Goods, OOO", payout_method: { iban: "DE89370400440532013000", bic: "COBADEFFXXX" } }

describe("payout providers", () => {
  let stripe: StripeContractServer
  beforeAll(async () => {
    stripe = await startStripeContractServer({ apiKey: API_KEY })
  })
  afterAll(() => stripe?.close())
  beforeEach(() => stripe.reset())

  it("picks Stripe Connect only when Stripe is configured and the merchant has a connected account", () => {
    expect(providerFor(connected, payoutProviders({})).id).toBe("manual_bank_transfer")
    expect(providerFor(connected, payoutProviders({ STRIPE_API_KEY: API_KEY })).id).toBe("stripe_connect")
    expect(providerFor(bank, payoutProviders({ STRIPE_API_KEY: API_KEY })).id).toBe("manual_bank_transfer")
  })

  it("transfers to the connected account with the payout id as idempotency key; a resend pays once", async () => {
    const provider = new StripeConnectPayoutProvider({ apiKey: API_KEY, apiBase: stripe.url })
    const request = { reference: "po_1", merchant: connected, amount_minor: 2108, currency_code: "EUR" }
    const first = await provider.send(request)
    const again = await provider.send(request)
    expect(first).toEqual({ status: "PAID", provider_reference: expect.stringMatching(/^tr_/) })
    expect(again.provider_reference).toBe(first.provider_reference)
    expect([...stripe.transfers.values()]).toEqual([expect.objectContaining({ amount: 2108, currency: "eur", destination: "acct_test_merchant", transfer_group: "po_1" })])
    expect(stripe.requests.map((r) => [r.idempotencyKey, r.replayed])).toEqual([["po_1", false], ["po_1", true]])
  })

  it("pays a merchant whose application stored the connected account under its old name (account_id)", async () => {
    const older = { id: "mer_3", legal_name: "Slow Academy OOO", payout_method: { type: "stripe_connect", account_id: "acct_test_merchant" } }
    expect(providerFor(older as any, payoutProviders({ STRIPE_API_KEY: API_KEY })).id).toBe("stripe_connect")
    const provider = new StripeConnectPayoutProvider({ apiKey: API_KEY, apiBase: stripe.url })
    expect((await provider.send({ reference: "po_old", merchant: older as any, amount_minor: 990, currency_code: "rub" })).status).toBe("PAID")
    expect([...stripe.transfers.values()].filter((t: any) => t.transfer_group === "po_old")).toEqual([expect.objectContaining({ amount: 990, currency: "rub", destination: "acct_test_merchant" })])
  })

  it("fails on a refused transfer, stays pending on 5xx or an unreachable host", async () => {
    const provider = new StripeConnectPayoutProvider({ apiKey: API_KEY, apiBase: stripe.url })
    const gone = await provider.send({ reference: "po_2", merchant: { ...connected, payout_method: { stripe_account_id: "acct_closed" } }, amount_minor: 500, currency_code: "eur" })
    expect(gone).toEqual({ status: "FAILED", failure_reason: expect.stringContaining("No such destination") })
    stripe.failNext(500, { path: /transfers/ })
    expect((await provider.send({ reference: "po_3", merchant: connected, amount_minor: 500, currency_code: "eur" })).status).toBe("PENDING")
    // The retry with the same key goes through once the outage is over.
    expect((await provider.send({ reference: "po_3", merchant: connected, amount_minor: 500, currency_code: "eur" })).status).toBe("PAID")
    const offline = new StripeConnectPayoutProvider({ apiKey: API_KEY, apiBase: "http://127.0.0.1:1", timeoutMs: 2000 })
    expect((await offline.send({ reference: "po_4", merchant: connected, amount_minor: 500, currency_code: "eur" })).status).toBe("PENDING")
    const wrongKey = new StripeConnectPayoutProvider({ apiKey: "sk_wrong", apiBase: stripe.url })
    expect((await wrongKey.send({ reference: "po_5", merchant: connected, amount_minor: 500, currency_code: "eur" })).status).toBe("FAILED")
  })

  it("exports the bank-transfer file with exact decimals and neutralised formulas", () => {
    const csv = bankTransferCsv([
      { payout_id: "po_9", reference: "po_9", merchant: bank, amount_minor: 123456, currency_code: "rub" },
      { payout_id: "po_10", reference: "po_10", merchant: { id: "mer_3", legal_name: "=HYPERLINK(\"x\")", payout_method: null }, amount_minor: 5, currency_code: "kwd" },
    ])
    expect(csv.split("\r\n")).toEqual([
      "payout_id,merchant_id,beneficiary,iban,bic,account_number,amount,currency,reference",
      'po_9,mer_2,"Snail Goods, OOO",DE89370400440532013000,COBADEFFXXX,,1234.56,RUB,po_9',
      `po_10,mer_3,"'=HYPERLINK(""x"")",,,,0.005,KWD,po_10`,
      "",
    ])
  })
})
