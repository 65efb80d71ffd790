import { startAtolContractServer, AtolContractServer } from "../../../../integration-tests/helpers/atol-contract-server"
import { fiscalProviderContract, sampleSale } from "../../../../integration-tests/helpers/fiscal-provider-contract"
import { startOrangeDataContractServer, OrangeDataContractServer } from "../../../../integration-tests/helpers/orangedata-contract-server"
import { makeTestPki, TestPki } from "../../../../integration-tests/helpers/test-pki"
import { AtolFiscalProvider, ATOL_TOKEN_TTL_MS } from "../providers/atol"
import { OrangeDataFiscalProvider } from "../providers/orangedata"
import { orangeDataBody } from "../providers/orangedata/mapping"
import { buildReceipt } from "../../../lib/fiscal/receipt"
import { FiscalProviderError } from "../providers/types"

let atol: AtolContractServer
let od: OrangeDataContractServer
let pki: TestPki
let clock = Date.now()
const atolProvider = new AtolFiscalProvider({ now: () => clock, timeout_ms: 3000 })
const odProvider = new OrangeDataFiscalProvider({ timeout_ms: 3000 })

const atolConfig = () => ({
  base_url: atol.url, login: atol.login, password: atol.password, group_code: atol.groupCode, inn: "7700000000",
  sno: "osn", payment_address: "https://snail.example", company_email: "fiscal@snail.example",
})
const odConfig = () => ({
  base_url: od.url, inn: od.inn, group: "Main", sign_private_key: pki.signPrivateKey, client_cert: pki.clientCert, client_key: pki.clientKey,
  ca: pki.ca, taxation_system: 0,
})

beforeAll(async () => {
  pki = makeTestPki()
  atol = await startAtolContractServer()
  od = await startOrangeDataContractServer(pki)
}, 60000)
afterAll(async () => {
  await atol.close()
  await od.close()
})

fiscalProviderContract("ATOL Online v5", () => ({
  provider: atolProvider,
  config: atolConfig(),
  badConfig: { ...atolConfig(), group_code: "no-such-group" },
  registered: () => atol.documents.length,
  failNext: (s, t) => atol.failNext(s, t),
  hangNext: (t) => atol.hangNext(t),
  setPollsBeforeDone: (n) => (atol.pollsBeforeDone = n),
}))

fiscalProviderContract("OrangeData", () => ({
  provider: odProvider,
  config: odConfig(),
  badConfig: { ...odConfig(), inn: "7800000000", key_name: od.inn },
  registered: () => od.documents.length,
  failNext: (s, t) => od.failNext(s, t),
  hangNext: (t) => od.hangNext(t),
  setPollsBeforeDone: (n) => (od.pollsBeforeDone = n),
}))

describe("ATOL specifics", () => {
  it("caches the token for its 24 h life, renews it on expiry, and renews once on a 401", async () => {
    const fresh = new AtolFiscalProvider({ now: () => clock, timeout_ms: 3000 })
    const issued = atol.tokensIssued
    await fresh.send({ external_id: `tok-${Date.now()}-1`, document: sampleSale(), config: atolConfig() })
    await fresh.send({ external_id: `tok-${Date.now()}-2`, document: sampleSale(), config: atolConfig() })
    expect(atol.tokensIssued).toBe(issued + 1)

    // 24 h later the server's token is dead and ours is too: one new token, request goes through.
    atol.advance(ATOL_TOKEN_TTL_MS + 1000)
    clock += ATOL_TOKEN_TTL_MS + 1000
    await fresh.send({ external_id: `tok-${Date.now()}-3`, document: sampleSale(), config: atolConfig() })
    expect(atol.tokensIssued).toBe(issued + 2)

    // The server forgets tokens (restart): our cached one gets a 401, we renew once and succeed.
    atol.reset()
    const sent = await fresh.send({ external_id: `tok-${Date.now()}-4`, document: sampleSale(), config: atolConfig() })
    expect(sent.provider_ref).toBeTruthy()
    expect(atol.tokensIssued).toBe(1)
    expect(atol.requests.map((r) => r.status)).toEqual([401, 200, 200])
  })

  it("wrong credentials never reach the document endpoint", async () => {
    const fresh = new AtolFiscalProvider({ timeout_ms: 3000 })
    const err = await fresh.send({ external_id: "x", document: sampleSale(), config: { ...atolConfig(), password: "wrong" } }).catch((e) => e)
    expect(err).toBeInstanceOf(FiscalProviderError)
    expect(err.message).toMatch(/Неверный логин или пароль/)
  })

  it("sends the v5 body: numeric payment_object/measure, agent and supplier per item, exact totals", async () => {
    atol.reset()
    await atolProvider.send({ external_id: "body-1", document: sampleSale(), config: atolConfig(), callback_url: "http://127.0.0.1:1/hooks/fiscal/atol" })
    const body = JSON.parse(atol.documents[0].raw)
    expect(body.external_id).toBe("body-1")
    expect(body.service).toEqual({ callback_url: "http://127.0.0.1:1/hooks/fiscal/atol" })
    expect(body.receipt.items[0]).toEqual({
      name: "Snail shell", price: 99.67, quantity: 2, measure: 0, sum: 199.34, payment_method: "full_prepayment", payment_object: 1,
      vat: { type: "vat122", sum: 35.95 }, agent_info: { type: "commission_agent" },
      supplier_info: { phones: ["+79990001122"], name: "ООО Улитка", inn: "7707083893" },
    })
    expect(body.receipt.items[2]).toMatchObject({ price: 149.5, payment_object: 4, vat: { type: "none", sum: 0 } })
    expect(body.receipt.total).toBe(448.5)
    expect(body.receipt.payments).toEqual([{ type: 1, sum: 448.5 }])
  })
})

describe("OrangeData specifics", () => {
  it("signs the exact body: a request signed with another key is refused (401, final)", async () => {
    const { generateKeyPairSync } = await import("node:crypto")
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } })
    const err = await odProvider.send({ external_id: `sig-${Date.now()}`, document: sampleSale(), config: { ...odConfig(), sign_private_key: other.privateKey } }).catch((e) => e)
    expect(err).toBeInstanceOf(FiscalProviderError)
    expect(err.status).toBe(401)
    expect(err.retryable).toBe(false)
  })

  it("mutual TLS: a client certificate from another CA never gets an answer", async () => {
    const before = od.requests.length
    const err = await odProvider
      .send({ external_id: `tls-${Date.now()}`, document: sampleSale(), config: { ...odConfig(), client_cert: pki.strangerCert, client_key: pki.strangerKey } })
      .catch((e) => e)
    expect(err).toBeInstanceOf(FiscalProviderError)
    expect(od.requests.length).toBe(before)
  })

  it("524 (not processed in time) asks for a resend under a new id", async () => {
    const id = `exp-${Date.now()}`
    await odProvider.send({ external_id: id, document: sampleSale(), config: odConfig() })
    od.expire(id)
    expect(await odProvider.poll({ provider_ref: id, external_id: id, config: odConfig(), operation: "sell" })).toEqual({ status: "resend" })
  })

  it("numeric codes: tax 1199, payment method 1214, subject 1212, agent bit 5, payments 2/14", async () => {
    od.reset()
    await odProvider.send({ external_id: "codes-1", document: sampleSale(), config: odConfig() })
    const body = JSON.parse(od.documents[0].raw)
    expect(body.content.type).toBe(1)
    expect(body.content.positions[0]).toEqual({
      quantity: 2, price: 99.67, tax: 3, taxSum: 35.95, text: "Snail shell", paymentMethodType: 1, paymentSubjectType: 1, quantityMeasurementUnit: 0,
      agentType: 32, supplierINN: "7707083893", supplierInfo: { name: "ООО Улитка", phoneNumbers: ["+79990001122"] },
    })
    expect(body.content.positions[2]).toMatchObject({ tax: 6, paymentSubjectType: 4 })
    expect(body.content.checkClose).toEqual({ payments: [{ type: 2, amount: 448.5 }], taxationSystem: 0 })
  })
})

describe("OrangeData as its protocol and official client name things (issue 17 §2)", () => {
  it("FFD 1.2 positions carry quantityMeasurementUnit (tag 2108), never the unknown measurementUnit", async () => {
    od.reset()
    const body: any = orangeDataBody(sampleSale(), "raw-1", odConfig() as any)
    expect(body.content.positions.every((p: any) => p.quantityMeasurementUnit === 0 && !("measurementUnit" in p))).toBe(true)
  })

  it("the agent type comes from the merchant's contract: attorney = bit 4 (16), another agent = bit 6 (64)", async () => {
    const doc = sampleSale()
    doc.items[0].agent!.type = "attorney"
    doc.items[doc.items.length - 1].agent!.type = "another"
    const body: any = orangeDataBody(doc, "agent-1", odConfig() as any)
    expect(body.content.positions[0].agentType).toBe(16)
    expect(body.content.positions.at(-1).agentType).toBe(64)
  })

  it("a 2026 refund of a 2025 sale (20 %) carries useTax20; a 2026 sale and its refund do not", async () => {
    od.reset()
    const line = { line_id: "l1", title: "Snail shell", kind: "PHYSICAL" as const, quantity: 1, amount_minor: 12000, tax_regime: "VAT_PAYER" as const, supplier: { inn: "7707083893", name: "ООО Улитка", phones: [] } }
    // The rate follows the original sale's date: 2025-12-20 → 20 % (tax code 1 = "the standard rate").
    const oldRefund = buildReceipt({ settlement: "refund", lines: [line], client: { email: "b@example.com" }, rate_date: new Date("2025-12-20T10:00:00Z"), refund_of: "full_payment" })
    await odProvider.send({ external_id: "tax20-1", document: oldRefund, config: odConfig() })
    const newRefund = buildReceipt({ settlement: "refund", lines: [line], client: { email: "b@example.com" }, rate_date: new Date("2026-02-01T10:00:00Z"), refund_of: "full_payment" })
    await odProvider.send({ external_id: "tax20-2", document: newRefund, config: odConfig() })
    const [a, b] = od.documents.map((d) => JSON.parse(d.raw).content)
    expect(a).toMatchObject({ type: 2, useTax20: true, positions: [{ tax: 1, taxSum: 20 }] }) // 120.00 × 20/120 = 20.00
    expect(b.useTax20).toBeUndefined()
    expect(b.positions[0]).toMatchObject({ tax: 1, taxSum: 21.64 }) // 120.00 × 22/122 = 21.639… → 21.64
  })
})

describe("long idempotency keys", () => {
  it("become a stable id the service accepts, so a resend is still recognised", async () => {
    const key = `order_01XYZ:prepayment:${Array.from({ length: 6 }, (_, i) => `oline_01M87XXG2ESST3YCHJQV1J2WB${i}`).join(",")}`
    const a = await odProvider.send({ external_id: key, document: sampleSale(), config: odConfig() })
    const b = await odProvider.send({ external_id: key, document: sampleSale(), config: odConfig() })
    expect(a.provider_ref.length).toBeLessThanOrEqual(64)
    expect(b).toEqual({ provider_ref: a.provider_ref, duplicate: true })
    const c = await atolProvider.send({ external_id: key, document: sampleSale(), config: atolConfig() })
    const d = await atolProvider.send({ external_id: key, document: sampleSale(), config: atolConfig() })
    expect(d).toEqual({ provider_ref: c.provider_ref, duplicate: true })
  })
})
