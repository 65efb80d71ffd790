import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { FISCAL_MODULE } from "../../src/modules/fiscal"
import { dispatchFiscalReceipts } from "../../src/workflows/fiscal/dispatch"
import { startAtolContractServer, AtolContractServer } from "../helpers/atol-contract-server"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { startOrangeDataContractServer, OrangeDataContractServer } from "../helpers/orangedata-contract-server"
import { makeTestPki, TestPki } from "../helpers/test-pki"
import { applyAsMerchant, Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180 * 1000)

const API_KEY = "sk_sandbox_fiscal_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
let atol: AtolContractServer
let od: OrangeDataContractServer
let pki: TestPki

// Contract servers up and the config pointed at them before the app boots (the runner's env
// option applies after medusa-config has been read).
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_fiscal_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  atol = await startAtolContractServer({ pollsBeforeDone: 1 })
  pki = makeTestPki()
  od = await startOrangeDataContractServer(pki, { inn: "7736207543", pollsBeforeDone: 1 })
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_fiscal_test",
    FISCAL_PROVIDER: "atol", ATOL_BASE_URL: atol.url, ATOL_LOGIN: atol.login, ATOL_PASSWORD: atol.password, ATOL_GROUP_CODE: atol.groupCode,
    ATOL_INN: "7702070139", ATOL_SNO: "osn", ATOL_PAYMENT_ADDRESS: "https://snail.example", ATOL_COMPANY_EMAIL: "fiscal@snail.example",
    FISCAL_BACKOFF_MS: "1000", FISCAL_POLL_INTERVAL_MS: "500", ATOL_TIMEOUT_MS: "3000",
  })
})
afterAll(async () => {
  await psp?.close()
  await atol?.close()
  await od?.close()
})

const FAR = () => new Date(Date.now() + 24 * 3600 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("a mixed RUB cart paid through the sandbox PSP sends the right receipts to ATOL, never twice", async () => {
      const container = getContainer()
      const { admin, store, salesChannelId } = await checkoutActors(container, api)
      const ruMerchant = async (handle: string, inn: string, tax_regime: string) => {
        const m = await applyAsMerchant(api, handle, { country_code: "ru", inn, tax_regime, legal_name: `ООО ${handle}`, contact_phone: "+79990001122" })
        await api.post(`/admin/merchants/${m.merchant.id}/approve`, {}, admin)
        return m
      }
      const goods = await ruMerchant("snail-goods", "7707083893", "VAT_PAYER")
      const academy = await ruMerchant("slow-academy", "7736207543", "SIMPLIFIED_NO_VAT")
      // The academy's contract makes the platform its attorney (поверенный), not the default commission agent.
      expect((await api.post(`/admin/merchants/${academy.merchant.id}/fiscal-agent`, { agent_type: "attorney" }, admin)).data).toEqual(expect.objectContaining({ agent_type: "attorney" }))
      expect((await failing(api.post(`/admin/merchants/${academy.merchant.id}/fiscal-agent`, { agent_type: "broker" }, admin))).status).toBe(400)
      const region = (await api.post("/admin/regions", { name: "Russia", currency_code: "rub", countries: ["ru"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const product = async (title: string, amount: number, merchantId: string, kind: string) =>
        (await api.post("/admin/products", {
          title, status: "published", options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "rub", amount }] }],
          sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: merchantId, kind },
        }, admin)).data.product
      const shell = await product("Snail shell", 100, goods.merchant.id, "PHYSICAL")
      const course = await product("Slow living course", 150, academy.merchant.id, "COURSE")
      // 1.50 off the cart, spread by Medusa over the items: 1.00 on the shells (299.00 for 3 does not divide), 0.50 on the course.
      await api.post("/admin/promotions", {
        code: "SNAIL150", type: "standard", status: "active",
        application_method: { type: "fixed", target_type: "items", allocation: "across", value: 1.5, currency_code: "rub",
          target_rules: [{ attribute: "items.product.id", operator: "in", values: [shell.id, course.id] }] },
      }, admin)

      // A German studio without an INN cannot sell in roubles: refused at add-to-cart, before any payment
      // (its receipt could never name the supplier). Approved all the same: other markets are open to it.
      const studio = await applyAsMerchant(api, "eu-studio", { country_code: "de", tax_regime: "VAT_PAYER" })
      await api.post(`/admin/merchants/${studio.merchant.id}/approve`, {}, admin)
      const print = await product("Snail print", 500, studio.merchant.id, "PHYSICAL")
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "buyer@snail.example" }, store)).data.cart
      expect(await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: print.variants[0].id, quantity: 1 }, store))).toEqual({
        status: 422, data: expect.objectContaining({ code: "MERCHANT_NOT_IN_MARKET", message: expect.stringContaining("INN") }),
      })
      // Later the studio's owner gives the INN the FNS issued it as a foreign organisation (issue 17: "add or change
      // its INN later"). Check digit of 990900001x: (2·9+4·9+10·0+3·9+5·0+9·0+4·0+6·0+8·1) mod 11 mod 10
      // = 89 mod 11 = 1 → 9909000011 is valid; 9909000012 is not.
      expect(await failing(api.post("/merchant/me/legal", { inn: "9909000012" }, studio.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_INN", field: "inn" }) })
      expect(await failing(api.post("/merchant/me/legal", { inn: "99090000" }, studio.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_INN" }) })
      expect(await failing(api.post("/merchant/me/legal", {}, studio.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD" }) })
      // A Russian merchant cannot drop its INN.
      expect(await failing(api.post("/merchant/me/legal", { inn: null }, goods.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "TAX_ID_REQUIRED" }) })
      const legal = await api.post("/merchant/me/legal", { inn: "9909000011" }, studio.owner)
      expect(legal.data.merchant).toEqual(expect.objectContaining({ id: studio.merchant.id, inn: "9909000011", country_code: "de" }))
      expect((await api.get("/merchant/me", studio.owner)).data.merchant.inn).toBe("9909000011")
      // Now its print goes into a rouble cart.
      const rubCart = (await api.post("/store/carts", { region_id: region.id, email: "later@snail.example" }, store)).data.cart
      const added = await api.post(`/store/carts/${rubCart.id}/line-items`, { variant_id: print.variants[0].id, quantity: 1 }, store)
      expect(added.data.cart.items.map((i: any) => i.variant_id)).toEqual([print.variants[0].id])
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: shell.variants[0].id, quantity: 3 }, store)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, store)
      await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: ["SNAIL150"] }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const placed = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
      expect(placed.data.type).toBe("order")
      const orderId = placed.data.order.id

      // Subscribers write the outbox and try a first send; the job polls to the end.
      const fiscal: any = container.resolve(FISCAL_MODULE)
      // One payment received = one receipt covering every line it pays for (issue 17 §2).
      await waitFor(() => fiscal.listFiscalReceipts({ order_id: orderId }), (rs: any[]) => rs.length >= 1 && rs.every((r) => r.status !== "PENDING"))
      // Each pass is one tick of the job. A pass can find the receipt still claimed by the subscriber's
      // first send (it shows SENT before that send's first poll returns) and leave it: tick until done.
      let receipts = await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return api.get(`/admin/orders/${orderId}/fiscal-receipts`, admin).then((r: any) => r.data.receipts)
      }, (rs: any[]) => rs.length === 1 && rs.every((r) => r.status === "DONE"))
      expect(receipts.map((r: any) => [r.settlement, r.status])).toEqual([["prepayment", "DONE"]])
      for (const r of receipts) {
        expect(r).toEqual(expect.objectContaining({ fn_number: "9999078902004567", fd_number: expect.stringMatching(/^\d+$/), fpd: expect.stringMatching(/^\d+$/), ofd_url: expect.stringContaining("fd=") }))
        expect(JSON.stringify(r)).not.toMatch(/snail-pass/)
      }

      // What reached ATOL, to the kopeck.
      expect(atol.documents).toHaveLength(1)
      const prepayment = atol.documents[0].body
      expect(prepayment.receipt.client).toEqual({ email: "buyer@snail.example" })
      expect(prepayment.receipt.company).toEqual({ email: "fiscal@snail.example", sno: "osn", inn: "7702070139", payment_address: "https://snail.example" })
      expect(prepayment.receipt.items.filter((i: any) => i.name === "Snail shell")).toEqual([
        { name: "Snail shell", price: 99.67, quantity: 2, measure: 0, sum: 199.34, payment_method: "full_prepayment", payment_object: 1,
          vat: { type: "vat122", sum: 35.95 }, agent_info: { type: "commission_agent" },
          supplier_info: { phones: ["+79990001122"], name: "ООО snail-goods", inn: "7707083893" } },
        { name: "Snail shell", price: 99.66, quantity: 1, measure: 0, sum: 99.66, payment_method: "full_prepayment", payment_object: 1,
          vat: { type: "vat122", sum: 17.97 }, agent_info: { type: "commission_agent" },
          supplier_info: { phones: ["+79990001122"], name: "ООО snail-goods", inn: "7707083893" } },
      ])
      // The course, delivered at once, is paid in full on the same receipt, the platform as the academy's attorney.
      expect(prepayment.receipt.items.find((i: any) => i.name === "Slow living course")).toEqual(expect.objectContaining({
        name: "Slow living course", price: 149.5, quantity: 1, payment_method: "full_payment", payment_object: 4, vat: { type: "none", sum: 0 },
        agent_info: { type: "attorney" }, supplier_info: expect.objectContaining({ inn: "7736207543" }),
      }))
      // One electronic payment: 299.00 + 149.50.
      expect(prepayment.receipt.payments).toEqual([{ type: 1, sum: 448.5 }])
      expect(prepayment.receipt.total).toBe(448.5)
      console.log("ATOL receipt body:\n" + atol.documents[0].raw)

      // The same event delivered again adds nothing, at our side or at ATOL's.
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: orderId } })
      await new Promise((r) => setTimeout(r, 1500))
      expect((await fiscal.listFiscalReceipts({ order_id: orderId })).length).toBe(1)
      expect(atol.documents).toHaveLength(1)

      // Delivery: a full_payment receipt offsetting the advance. ATOL is down at first: the
      // receipt waits with its error, the job retries it and it goes through once.
      const lines: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, goods.owner)).data.lines
      const shellLine = lines.find((l) => l.kind === "PHYSICAL")
      const move = (to: string, extra: Record<string, unknown> = {}) => api.post(`/merchant/orders/${orderId}/lines/${shellLine.id}/transitions`, { to, ...extra }, goods.owner)
      await move("FULFILLING")
      await move("SHIPPED", { carrier: "CDEK", tracking_number: "CD123" })
      atol.failNext(503, 2)
      await move("DELIVERED")
      const failedOnce = await waitFor(() => fiscal.listFiscalReceipts({ order_id: orderId, settlement: "payment" }), (rs: any[]) => rs.some((r) => r.last_error))
      const delivery = failedOnce.find((r: any) => r.line_ids.includes(shellLine.id))
      expect(delivery).toEqual(expect.objectContaining({ status: "PENDING", attempts: 1, last_error: expect.stringContaining("503") }))
      // Job ticks: the second 503, then the send, then ATOL's answer (a tick may find it claimed by another).
      const done = await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.retrieveFiscalReceipt(delivery.id)
      }, (r: any) => r.status === "DONE")
      expect(done.status).toBe("DONE")
      const deliveryDoc = atol.documents.find((d) => d.external_id === done.external_id)!.body
      expect(deliveryDoc.receipt.payments).toEqual([{ type: 2, sum: 299 }])
      expect(deliveryDoc.receipt.items.map((i: any) => [i.price, i.quantity, i.payment_method, i.vat.type, i.vat.sum])).toEqual([
        [99.67, 2, "full_payment", "vat22", 35.95],
        [99.66, 1, "full_payment", "vat22", 17.97],
      ])
      expect(atol.documents).toHaveLength(2)

      // A partial refund of the course: a sell_refund for exactly that amount.
      const courseLine = (await api.get(`/admin/orders/${orderId}/lines`, admin)).data.lines.find((l: any) => l.kind === "COURSE")
      await api.post(`/admin/orders/${orderId}/lines/${courseLine.id}/refunds`, { amount: 49.5, reason: "partial goodwill" }, admin)
      await waitFor(async () => atol.documents.length, (n) => n === 3)
      const refund = atol.documents[2]
      expect(refund.operation).toBe("sell_refund")
      expect(refund.body.receipt.items).toEqual([expect.objectContaining({ price: 49.5, quantity: 1, payment_method: "full_payment", vat: { type: "none", sum: 0 } })])
    })

    it("admin: failures first, retry after a provider failure, correction, ATOL callback, credentials never leak secrets", async () => {
      const container = getContainer()
      const { admin, store, salesChannelId } = await checkoutActors(container, api)
      const m = await applyAsMerchant(api, "ru-academy", { country_code: "ru", inn: "7736207543", tax_regime: "VAT_PAYER", legal_name: "ООО Академия" })
      await api.post(`/admin/merchants/${m.merchant.id}/approve`, {}, admin)
      const region = (await api.post("/admin/regions", { name: "Russia", currency_code: "rub", countries: ["ru"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const course = (await api.post("/admin/products", {
        title: "Patience 101", status: "published", options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "rub", amount: 1000 }] }],
        sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: m.merchant.id, kind: "COURSE" },
      }, admin)).data.product

      const seen: { name: string; id: string }[] = []
      const bus: any = container.resolve(Modules.EVENT_BUS)
      for (const name of ["fiscal.receipt.done", "fiscal.receipt.failed"]) {
        bus.subscribe(name, async (e: any) => void seen.push({ name, id: e.data.id }), { subscriberId: `fiscal-spec-${name}` })
      }
      atol.reset()
      atol.failDocuments = true // the register fails the document (e.g. shift over 24 h)
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "pupil@snail.example" }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data.order.id
      const fiscal: any = container.resolve(FISCAL_MODULE)
      // The job keeps polling until ATOL's final answer.
      await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.listFiscalReceipts({ order_id: orderId })
      }, (rs: any[]) => rs.length === 1 && rs[0].status === "FAILED")

      const list = (await api.get("/admin/fiscal/receipts", admin)).data
      expect(list.receipts[0]).toEqual(expect.objectContaining({ order_id: orderId, status: "FAILED", last_error: expect.stringContaining("смена превысила 24 часа") }))
      expect((await api.get("/admin/fiscal/receipts?status=DONE", admin)).data.receipts.every((r: any) => r.status === "DONE")).toBe(true)
      const failedId = list.receipts[0].id

      // Fixed at the register: the retry sends it again under a new external id, ATOL answers through the callback.
      atol.failDocuments = false
      const retried = (await api.post(`/admin/fiscal/receipts/${failedId}/retry`, {}, admin)).data.receipt
      expect(retried.status).toBe("SENT")
      expect(retried.external_id).toMatch(/-r1$/)
      const uuid = retried.provider_ref
      expect((await api.post("/hooks/fiscal/atol", { uuid, status: "done" })).status).toBe(200)
      const done = await waitFor(() => fiscal.retrieveFiscalReceipt(failedId), (r: any) => r.status === "DONE")
      expect(done).toEqual(expect.objectContaining({ status: "DONE", fn_number: "9999078902004567", last_error: null }))
      await waitFor(async () => seen.length, (n) => n >= 2)
      expect(seen).toEqual([{ name: "fiscal.receipt.failed", id: failedId }, { name: "fiscal.receipt.done", id: failedId }])
      const again = await api.post(`/admin/fiscal/receipts/${failedId}/retry`, {}, admin).catch((e: any) => e.response)
      expect(again.status).toBe(409)
      expect(again.data.code).toBe("FISCAL_RECEIPT_NOT_FAILED")

      // A correction of the registered receipt.
      const correction = (await api.post(`/admin/fiscal/receipts/${failedId}/correction`, { reason: "wrong VAT rate" }, admin)).data.receipt
      expect(correction).toEqual(expect.objectContaining({ operation: "sell_correction", correction_of: failedId }))
      const sent = atol.documents.find((d) => d.operation === "sell_correction")!
      expect(sent.body.correction.correction_info).toEqual(expect.objectContaining({ type: "self", base_number: done.fd_number }))
      expect(sent.body.correction.items[0]).toEqual(expect.objectContaining({ price: 1000, vat: { type: "vat22", sum: 180.33 } }))

      // Credentials: secrets are stored encrypted and never come back.
      const saved = (await api.post("/admin/fiscal/credentials", {
        owner: "platform", provider_id: "atol",
        config: { base_url: atol.url, login: atol.login, password: atol.password, group_code: atol.groupCode, inn: "7702070139", sno: "osn", payment_address: "https://snail.example", company_email: "fiscal@snail.example" },
      }, admin)).data.credential
      expect(saved.settings.login).toBe(atol.login)
      expect(JSON.stringify(saved)).not.toContain(atol.password)
      const listed = (await api.get("/admin/fiscal/credentials", admin)).data
      expect(JSON.stringify(listed)).not.toContain(atol.password)
      expect(listed.credentials[0]).toEqual(expect.objectContaining({ owner: "platform", has_secrets: true, secret_fields: ["password"] }))
      const [row] = await fiscal.listFiscalCredentials({ owner: "platform" })
      expect(row.secrets).not.toContain(atol.password)
      expect((await fiscal.configFor("platform", "atol")).password).toBe(atol.password)
    })

    it("a merchant with its own OrangeData register gets its own receipts; a send that crashed after reaching the provider is not repeated", async () => {
      const container = getContainer()
      const { admin, store, salesChannelId } = await checkoutActors(container, api)
      const m = await applyAsMerchant(api, "own-register", { country_code: "ru", inn: "7736207543", tax_regime: "SIMPLIFIED_VAT_5", legal_name: "ООО Своя касса" })
      await api.post(`/admin/merchants/${m.merchant.id}/approve`, {}, admin)
      await api.post("/admin/fiscal/credentials", {
        owner: m.merchant.id, provider_id: "orangedata",
        config: { base_url: od.url, inn: od.inn, group: "Main", sign_private_key: pki.signPrivateKey, client_cert: pki.clientCert, client_key: pki.clientKey, ca: pki.ca, taxation_system: 1 },
      }, admin)
      const region = (await api.post("/admin/regions", { name: "Russia", currency_code: "rub", countries: ["ru"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const lamp = (await api.post("/admin/products", {
        title: "Slow lamp", status: "published", options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "rub", amount: 210 }] }],
        sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: m.merchant.id, kind: "PHYSICAL" },
      }, admin)).data.product

      atol.reset()
      od.reset()
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "own@snail.example" }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: lamp.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data.order.id
      const fiscal: any = container.resolve(FISCAL_MODULE)
      const [receipt] = await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.listFiscalReceipts({ order_id: orderId })
      }, (rs: any[]) => rs.length === 1 && rs[0].status === "DONE")
      expect(receipt).toEqual(expect.objectContaining({ issuer: m.merchant.id, provider_id: "orangedata", status: "DONE", fn_number: "9999078902004567" }))
      expect(atol.documents).toHaveLength(0)
      expect(od.documents).toHaveLength(1)
      const position = od.documents[0].body.content.positions[0]
      expect(position).toEqual(expect.objectContaining({ price: 210, tax: 9, taxSum: 10, paymentMethodType: 1, paymentSubjectType: 1 }))
      expect(position.agentType).toBeUndefined() // its own register: no agent attributes
      expect(od.documents[0].body.content.checkClose.taxationSystem).toBe(1)
      expect(position.quantityMeasurementUnit).toBe(0)
      // The callback route we give OrangeData exists and answers (it was a 404).
      expect((await api.post("/hooks/fiscal/orangedata", { id: receipt.provider_ref, inn: od.inn })).status).toBe(200)

      // "Restart mid-send": the provider has the document but our row still says PENDING.
      await fiscal.updateFiscalReceipts({ id: receipt.id, status: "PENDING", provider_ref: null, next_attempt_at: new Date() })
      const again = await fiscal.dispatch(receipt.id)
      expect(again.status).not.toBe("FAILED")
      await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.retrieveFiscalReceipt(receipt.id)
      }, (r: any) => r.status === "DONE")
      expect(od.documents).toHaveLength(1)
      expect(od.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([201, 409])

      // A refund never overtakes the sale it undoes: with the prepayment FAILED, the cancel's
      // sell_refund waits; once the prepayment is retried and registered, the refund goes out.
      await fiscal.updateFiscalReceipts({ id: receipt.id, status: "FAILED", priority: 0 })
      const [lampLine] = (await api.get(`/merchant/orders/${orderId}/lines`, m.owner)).data.lines
      await api.post(`/merchant/orders/${orderId}/lines/${lampLine.id}/transitions`, { to: "CANCELLED", reason: "out of stock" }, m.owner)
      const refund = (await waitFor(() => fiscal.listFiscalReceipts({ order_id: orderId, operation: "sell_refund" }), (rs: any[]) => rs[0]?.last_error))[0]
      expect(refund).toEqual(expect.objectContaining({ status: "PENDING", last_error: expect.stringContaining(`Waiting for receipt ${receipt.id}`) }))
      expect(od.documents).toHaveLength(1)
      await api.post(`/admin/fiscal/receipts/${receipt.id}/retry`, {}, admin)
      const refunded = await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.retrieveFiscalReceipt(refund.id)
      }, (r: any) => r.status === "DONE")
      expect(refunded.status).toBe("DONE")
      expect(od.documents).toHaveLength(2)
      expect(od.documents[1].body.content).toEqual(expect.objectContaining({ type: 2 }))
      expect(od.documents[1].body.content.positions[0]).toEqual(expect.objectContaining({ price: 210, tax: 9, paymentMethodType: 1 }))
    })
  },
})
