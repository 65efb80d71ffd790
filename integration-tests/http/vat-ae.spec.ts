import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { validateXML } from "xmllint-wasm"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { issueCreditNoteForLine } from "../../src/workflows/vat-ae/issue-credit-note"
import { issueInvoicesForOrder } from "../../src/workflows/vat-ae/issue-invoices"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { applyAsMerchant, type Headers } from "../helpers/merchants"
import { ublSchemaFiles } from "../helpers/ubl-schema"

jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_vat_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>

beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_vat_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, { SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_vat_test" })
})
afterAll(async () => psp?.close())

const TRN = "100123456700003"
const BUYER_TRN = "100999888777666"
const CARD = { card_number: "4242424242424242" }

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms
  let last: T = await fn()
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150))
    last = await fn()
  }
  return last
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    /** Platform admin, storefront, a UAE region in `currency` on the VAT provider (ae + us), a registered and a non-registered UAE merchant. */
    async function uaeShop(currency: string) {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const merchant = async (handle: string, overrides: Record<string, unknown>) => {
        const m = await applyAsMerchant(api, handle, { country_code: "ae", ...overrides })
        await api.post(`/admin/merchants/${m.merchant.id}/approve`, {}, admin)
        return m
      }
      const D = await merchant("vat-desert", { tax_regime: "VAT_PAYER", trn: TRN })
      const N = await merchant("tiny-souk", { tax_regime: "NOT_VAT_REGISTERED" })
      const region = (await api.post("/admin/regions", { name: `UAE ${currency}`, currency_code: currency, countries: ["ae", "us"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      for (const country_code of ["ae", "us"]) await api.post("/admin/tax-regions", { country_code, provider_id: "tp_ae-vat_uae" }, admin)
      const product = async (title: string, merchantId: string, kind: string, amount: number) =>
        (await api.post("/admin/products", {
          title, status: "published", options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: currency, amount }] }],
          sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: merchantId, kind },
        }, admin)).data.product.variants[0].id as string
      const pk = store.headers["x-publishable-api-key"]
      const buyer = async (email: string): Promise<Headers> => {
        const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
        await api.post("/store/customers", { email, first_name: "Amal", last_name: "Buyer" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
        const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
        return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
      }
      const address = (country_code: string) => ({ first_name: "Amal", last_name: "Buyer", address_1: "12 Palm St", city: country_code === "ae" ? "Dubai" : "Austin", country_code })
      const cart = async (who: Headers, items: [string, number][], country = "ae", metadata?: Record<string, unknown>) => {
        const c = (await api.post("/store/carts", { region_id: region.id, shipping_address: address(country), billing_address: address(country), ...(metadata ? { metadata } : {}) }, who)).data.cart
        for (const [variant_id, quantity] of items) await api.post(`/store/carts/${c.id}/line-items`, { variant_id, quantity }, who)
        return c.id as string
      }
      const pay = async (who: Headers, cartId: string) => {
        const pc = (await api.post("/store/payment-collections", { cart_id: cartId }, who)).data.payment_collection
        await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: CARD }, who)
        const done = await api.post(`/store/carts/${cartId}/complete`, {}, who)
        expect(done.data.type).toBe("order")
        return done.data.order.id as string
      }
      const invoicesOf = (who: Headers, orderId: string, count = 1) =>
        waitFor(async () => (await api.get(`/store/orders/${orderId}/tax-invoices`, who)).data.tax_invoices as any[], (l) => l.length >= count)
      return { admin, D, N, region, product, buyer, cart, pay, invoicesOf, salesChannelId }
    }

    it("UAE checkout: VAT per line in the cart, recalculated on address change, invoice with TRN, downloads, isolation, credit note, report", async () => {
      const shop = await uaeShop("aed")
      const { admin, D, N } = shop
      const lamp = await shop.product("Brass lamp", D.merchant.id, "PHYSICAL", 33.33)
      const massage = await shop.product("Hot stone massage", D.merchant.id, "SERVICE", 100)
      const candle = await shop.product("Oud candle", N.merchant.id, "PHYSICAL", 50)
      const amal = await shop.buyer("amal@buyer.local")
      const cartId = await shop.cart(amal, [[lamp, 3], [massage, 1], [candle, 1]])

      const taxOf = async () => {
        const c = (await api.get(`/store/carts/${cartId}?fields=*items,*items.tax_lines,tax_total`, amal)).data.cart
        return Object.fromEntries(c.items.map((i: any) => [i.title, { rate: Number(i.tax_lines[0]?.rate), code: i.tax_lines[0]?.code, n: i.tax_lines.length }]))
      }
      const inAe = await taxOf()
      expect(inAe["Brass lamp"]).toEqual(expect.objectContaining({ rate: 5, n: 1 }))
      expect(inAe["Brass lamp"].code).toMatch(/^AE-VAT-SR-/)
      expect(inAe["Hot stone massage"].rate).toBe(5)
      // The non-registered merchant's line in the same cart: no VAT.
      expect(inAe["Oud candle"]).toEqual(expect.objectContaining({ rate: 0 }))
      expect(inAe["Oud candle"].code).toMatch(/^AE-VAT-OS-/)
      expect(new Set(Object.values(inAe).map((t: any) => t.code)).size).toBe(3)

      // Shipping to the US: the goods are exported (zero-rated); the massage is still performed in the UAE.
      await api.post(`/store/carts/${cartId}`, { shipping_address: { first_name: "Amal", last_name: "Buyer", address_1: "1 Main", city: "Austin", country_code: "us" } }, amal)
      const inUs = await taxOf()
      expect(inUs["Brass lamp"].rate).toBe(0)
      expect(inUs["Brass lamp"].code).toMatch(/^AE-VAT-ZR-/)
      expect(inUs["Hot stone massage"].rate).toBe(5)
      await api.post(`/store/carts/${cartId}`, { shipping_address: { first_name: "Amal", last_name: "Buyer", address_1: "12 Palm St", city: "Dubai", country_code: "ae" } }, amal)
      expect((await taxOf())["Brass lamp"].rate).toBe(5)

      const orderId = await shop.pay(amal, cartId)
      const [inv] = await shop.invoicesOf(amal, orderId)
      expect((await api.get(`/store/orders/${orderId}/tax-invoices`, amal)).data.tax_invoices).toHaveLength(1) // only the registered supplier
      expect(inv).toEqual(expect.objectContaining({
        number: "INV-VAT-DESERT-000001", kind: "SIMPLIFIED", currency_code: "aed", exchange_rate: null,
        taxable_minor: 19999, vat_minor: 1000, total_minor: 20999, standard_minor: 19999, vat_aed_minor: 1000, total_aed_minor: 20999,
      }))
      expect(inv.supplier).toEqual(expect.objectContaining({ trn: TRN, name: "vat-desert LLC" }))
      const lampLine = inv.lines.find((l: any) => l.description === "Brass lamp")
      // 3 × 33.33 = 99.99; 5 % = 4.9995 → 5.00 on the line
      expect(lampLine).toEqual(expect.objectContaining({ quantity: 3, unit_price_minor: 3333, taxable_minor: 9999, rate_bps: 500, vat_minor: 500, total_minor: 10499, treatment: "STANDARD" }))

      // Downloads: PDF, text, JSON, UBL.
      const base = `/store/orders/${orderId}/tax-invoices/${inv.id}`
      const pdf = await api.get(`${base}?format=pdf`, { ...amal, responseType: "arraybuffer" })
      expect(pdf.headers["content-type"]).toContain("application/pdf")
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-")
      const text = (await api.get(`${base}?format=txt`, amal)).data as string
      expect(text).toContain("Tax Invoice")
      expect(text).toContain(`TRN: ${TRN}`)
      expect(text).toContain("Brass lamp | 3 | 33.33 AED | 0.00 AED | 99.99 AED | 5.00% (Standard 5%) | 5.00 AED | 104.99 AED")
      expect(text).toContain("Total VAT: 10.00 AED")
      // What the card was charged = Medusa's total (259.9895 with unrounded tax) in fils = this invoice + the non-registered line.
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.data`, admin)).data.order
      const intent = await (await fetch(`${psp.url}/v1/payment_intents/${order.payment_collections[0].payments[0].data.intent_id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()
      expect(intent.amount).toBe(inv.total_minor + 5000)
      const xml = (await api.get(`${base}?format=xml`, amal)).data as string
      const wellFormed = await validateXML({ xml: [{ fileName: "inv.xml", contents: xml }] } as any)
      expect(wellFormed.valid).toBe(true)

      // Another buyer, the other merchant: 404. The supplier and the admin see it.
      const other = await shop.buyer("other@buyer.local")
      expect((await failing(api.get(base, other))).status).toBe(404)
      expect((await failing(api.get(`/store/orders/${orderId}/tax-invoices`, other))).status).toBe(404)
      expect((await failing(api.get(`/merchant/tax-invoices/${inv.id}`, N.owner))).status).toBe(404)
      expect((await api.get("/merchant/tax-invoices", N.owner)).data.tax_invoices).toEqual([])
      expect((await api.get(`/merchant/tax-invoices/${inv.id}`, D.owner)).data.tax_invoice.number).toBe(inv.number)
      expect((await api.get(`/admin/orders/${orderId}/tax-invoices`, admin)).data.tax_invoices.map((i: any) => i.id)).toEqual([inv.id])
      expect((await api.post(`/admin/orders/${orderId}/tax-invoices`, {}, admin)).data.tax_invoices.map((i: any) => i.number)).toEqual([inv.number]) // re-issue: idempotent
      expect((await api.get(`/admin/tax-invoices/${inv.id}?format=pdf`, { ...admin, responseType: "arraybuffer" })).status).toBe(200)

      // Partial refund of the lamp after capture: a credit note referencing the invoice.
      const lines: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, D.owner)).data.lines
      const lampOrderLine = lines.find((l) => l.title === "Brass lamp")
      // Net, commission and the 5 % VAT on the commission are three figures wherever the merchant sees net (issue 17 §5):
      // the move's preview and Home's sales line, each equal to the split's own figures.
      const { split } = (await api.get(`/merchant/orders/${orderId}/split`, D.owner)).data
      const splitLine = split.lines.find((l: any) => l.order_line_id === lampOrderLine.id)
      const effect = (await api.get(`/merchant/orders/${orderId}/lines/${lampOrderLine.id}/effect?to=FULFILLING`, D.owner)).data.effect
      expect(effect.commission_vat).toBeGreaterThan(0)
      expect([effect.merchant_net, effect.platform_commission, effect.commission_vat]).toEqual([splitLine.net, splitLine.commission, splitLine.commission_vat].map(Number))
      expect(effect.merchant_net + effect.platform_commission + effect.commission_vat).toBe(effect.captured)
      const aedSales = (await api.get("/merchant/home", D.owner)).data.sales_30d.find((r: any) => r.currency_code === "aed")
      expect(aedSales).toEqual(expect.objectContaining({ commission: Number(split.commission), commission_vat: Number(split.commission_vat) }))
      expect(aedSales.commission_vat).toBeGreaterThan(0)
      await api.post(`/merchant/orders/${orderId}/lines/${lampOrderLine.id}/transitions`, { to: "FULFILLING" }, D.owner)
      await api.post(`/merchant/orders/${orderId}/lines/${lampOrderLine.id}/refunds`, { amount: 10, reason: "scratched" }, D.owner)
      const [withNote] = await waitFor(async () => (await api.get(`/admin/orders/${orderId}/tax-invoices`, admin)).data.tax_invoices, (l: any[]) => l[0]?.credit_notes.length > 0)
      const note = withNote.credit_notes[0]
      // 10.00 paid back incl. VAT: VAT = 10.00 × 5/105 = 0.476… → 0.48
      expect(note).toEqual(expect.objectContaining({ number: "CN-VAT-DESERT-000001", invoice_number: inv.number, total_minor: 1000, vat_minor: 48, taxable_minor: 952, reason: "scratched" }))
      const noteText = (await api.get(`/merchant/credit-notes/${note.id}?format=txt`, D.owner)).data as string
      expect(noteText).toContain(`Corrects tax invoice: ${inv.number}`)
      // Issue 17 §4: every credit note names the supplier and its TRN, and exports as PINT AE type 381.
      expect(note.supplier).toEqual(expect.objectContaining({ name: "vat-desert LLC", trn: TRN }))
      expect(noteText).toContain("Supplier: vat-desert LLC")
      expect(noteText).toContain(`TRN: ${TRN}`)
      const noteXml = (await api.get(`/merchant/credit-notes/${note.id}?format=xml`, D.owner)).data as string
      expect(noteXml).toContain("<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>")
      expect(noteXml).toContain(`<cbc:ID>${inv.number}</cbc:ID>`)
      const noteSchema = await ublSchemaFiles()
      expect((await validateXML({ xml: [{ fileName: "cn.xml", contents: noteXml }], schema: noteSchema.main, preload: noteSchema.preload } as any)).errors).toEqual([])
      expect((await failing(api.get(`/merchant/credit-notes/${note.id}`, N.owner))).status).toBe(404)
      // Redelivery credits nothing twice.
      expect(await issueCreditNoteForLine(getContainer(), lampOrderLine.id, "again")).toBeNull()

      // VAT report for the period: output VAT net of the credit note.
      const day = (d: number) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10)
      const csv = (await api.get(`/admin/vat/report?from=${day(-1)}&to=${day(1)}&format=csv`, admin)).data as string
      expect(csv.split("\n")[0]).toBe("merchant_id,merchant,trn,currency,documents,standard_rated,output_vat,zero_rated,exempt,out_of_scope,output_vat_aed")
      expect(csv).toContain(`${D.merchant.id},"vat-desert LLC",${TRN},AED,2,190.47,9.52,0.00,0.00,0.00,9.52`)
    })

    it("invoices what the buyer is charged to the fils, and only supplies UAE VAT applied to (issue 17 §4)", async () => {
      const shop = await uaeShop("aed")
      const { admin, D } = shop
      const variants = await Promise.all(["Tea glass", "Coffee cup", "Date bowl"].map((t) => shop.product(t, D.merchant.id, "PHYSICAL", 1.15)))
      await api.post("/admin/promotions", {
        code: "FILS10", type: "standard", status: "active", is_automatic: false,
        application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10, currency_code: "aed" },
      }, admin)
      const amal = await shop.buyer("fils@buyer.local")
      const cartId = await shop.cart(amal, variants.map((v) => [v, 1] as [string, number]))
      await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["FILS10"] }, amal)
      const orderId = await shop.pay(amal, cartId)
      const [inv] = await shop.invoicesOf(amal, orderId)
      // Medusa gives each 1.15 item 0.115 off. The order's discount 0.345 → 0.35 is allocated by largest
      // remainder 0.12 / 0.12 / 0.11 (each exact share 11.5 fils: floors 11, the 2 fils left to the first
      // two); taxable 1.03 / 1.03 / 1.04; VAT 5 % = 5.15 → 5, 5.15 → 5, 5.2 → 5 fils; totals 1.08 + 1.08 + 1.09 = 3.25.
      // (Rounding each adjustment alone gave 0.12 × 3 and an invoice of 3.24, a fils below the captures.)
      expect(inv).toEqual(expect.objectContaining({ discount_minor: 35, taxable_minor: 310, vat_minor: 15, total_minor: 325 }))
      const lines: any[] = (await api.get(`/merchant/orders/${orderId}/lines`, D.owner)).data.lines
      for (const l of lines) await api.post(`/merchant/orders/${orderId}/lines/${l.id}/transitions`, { to: "FULFILLING" }, D.owner)
      const order = (await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.data`, admin)).data.order
      const intent = await (await fetch(`${psp.url}/v1/payment_intents/${order.payment_collections[0].payments[0].data.intent_id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()
      expect(intent.amount_captured).toBe(inv.total_minor)

      // Where per-line rounding would say more than Medusa authorizes: two 2.10 AED lines at 5 % have an
      // exact VAT of 0.105 each. Medusa's total 2 × 2.10 × 1.05 = 4.41 is authorized; half up per line
      // would be 0.11 + 0.11 → 4.42, a fils more than the card holds (the last capture came out short
      // and the invoice said 4.42 for 4.41 captured). The lines' VAT is fitted to the authorization by
      // largest remainder of 10.5 / 10.5 fils: 0.11 + 0.10 → invoice 4.41 = authorized = captured.
      const pair = await Promise.all(["Saffron tin", "Cardamom tin"].map((t) => shop.product(t, D.merchant.id, "PHYSICAL", 2.1)))
      const pairOrder = await shop.pay(amal, await shop.cart(amal, pair.map((v) => [v, 1] as [string, number])))
      const [pairInv] = await shop.invoicesOf(amal, pairOrder)
      expect(pairInv).toEqual(expect.objectContaining({ taxable_minor: 420, vat_minor: 21, total_minor: 441 }))
      expect(pairInv.lines.map((l: any) => l.vat_minor).sort()).toEqual([10, 11])
      for (const l of (await api.get(`/merchant/orders/${pairOrder}/lines`, D.owner)).data.lines) {
        await api.post(`/merchant/orders/${pairOrder}/lines/${l.id}/transitions`, { to: "FULFILLING" }, D.owner)
      }
      const paid = (await api.get(`/admin/orders/${pairOrder}?fields=payment_collections.payments.data`, admin)).data.order
      const pairIntent = await (await fetch(`${psp.url}/v1/payment_intents/${paid.payment_collections[0].payments[0].data.intent_id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()
      expect([pairIntent.amount, pairIntent.amount_captured]).toEqual([441, 441])
      // Each line captured exactly its invoice line.
      const pairLines: any[] = (await api.get(`/merchant/orders/${pairOrder}/lines`, D.owner)).data.lines
      expect(pairLines.map((l) => Math.round(Number(l.captured_amount) * 100)).sort()).toEqual(pairInv.lines.map((l: any) => l.total_minor).sort())

      // A buyer in Germany paying EUR (a region on another tax provider): no UAE VAT was charged, so no UAE tax invoice.
      const eu = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const kettle = (await api.post("/admin/products", {
        title: "Copper kettle", status: "published", options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 40 }] }],
        sales_channels: [{ id: shop.salesChannelId }], additional_data: { merchant_id: D.merchant.id, kind: "PHYSICAL" },
      }, admin)).data.product.variants[0].id
      const address = { first_name: "Jonas", last_name: "Buyer", address_1: "1 Str", city: "Berlin", country_code: "de" }
      const euCart = (await api.post("/store/carts", { region_id: eu.id, shipping_address: address, billing_address: address }, amal)).data.cart
      await api.post(`/store/carts/${euCart.id}/line-items`, { variant_id: kettle, quantity: 1 }, amal)
      const euOrder = await shop.pay(amal, euCart.id)
      expect(await issueInvoicesForOrder(getContainer(), euOrder)).toEqual([])
      expect((await api.get(`/store/orders/${euOrder}/tax-invoices`, amal)).data.tax_invoices).toEqual([])
    })

    it("treatment rules are data the admin edits (validated); a zero-rated category takes effect at the next cart", async () => {
      const shop = await uaeShop("aed")
      const { admin, D } = shop
      expect(await failing(api.post("/admin/vat/treatment-rules", { match_type: "colour", match_value: "x", treatment: "STANDARD" }, admin))).toEqual({ status: 400, data: expect.anything() })
      expect((await failing(api.post("/admin/vat/treatment-rules", { match_type: "product_kind", match_value: "COURSE", treatment: "FREE" }, admin))).status).toBe(400)
      const rule = (await api.post("/admin/vat/treatment-rules", { match_type: "product_kind", match_value: "COURSE", treatment: "ZERO_RATED", note: "recognised education" }, admin)).data.treatment_rule
      expect((await failing(api.post("/admin/vat/treatment-rules", { match_type: "product_kind", match_value: "course", treatment: "EXEMPT" }, admin)))).toEqual({ status: 409, data: expect.objectContaining({ code: "DUPLICATE" }) })
      const course = await shop.product("Arabic calligraphy course", D.merchant.id, "COURSE", 200)
      const amal = await shop.buyer("amal@buyer.local")
      const cartId = await shop.cart(amal, [[course, 1]])
      const taxLine = async () => (await api.get(`/store/carts/${cartId}?fields=*items,*items.tax_lines`, amal)).data.cart.items[0].tax_lines[0]
      expect(await taxLine()).toEqual(expect.objectContaining({ rate: 0, code: expect.stringMatching(/^AE-VAT-ZR-/) }))
      await api.post(`/admin/vat/treatment-rules/${rule.id}`, { match_type: "product_kind", match_value: "COURSE", treatment: "EXEMPT" }, admin)
      // Medusa recalculates a cart's taxes on a change to its items or on asking (POST …/taxes); a course
      // is bought once, so the test asks instead of adding the course again.
      const touch = () => api.post(`/store/carts/${cartId}/taxes`, {}, amal)
      await touch()
      expect(await taxLine()).toEqual(expect.objectContaining({ rate: 0, code: expect.stringMatching(/^AE-VAT-EX-/) }))
      await api.delete(`/admin/vat/treatment-rules/${rule.id}`, admin)
      expect((await api.get("/admin/vat/treatment-rules", admin)).data.treatment_rules).toEqual([])
      await touch()
      expect(await taxLine()).toEqual(expect.objectContaining({ rate: 5, code: expect.stringMatching(/^AE-VAT-SR-/) }))
      const orderId = await shop.pay(amal, cartId)
      const [inv] = await shop.invoicesOf(amal, orderId)
      // One course at AED 200.00 = 20000 fils, standard-rated at 5 %: 20000 × 5 / 100 = 1000 fils VAT.
      expect(inv.lines[0]).toEqual(expect.objectContaining({ treatment: "STANDARD", quantity: 1, taxable_minor: 20000, vat_minor: 1000 }))
    })

    it("USD order, prices incl. VAT: AED conversion at the recorded rate; full invoice just above AED 10,000; export zero-rated", async () => {
      const shop = await uaeShop("usd")
      const { admin, D } = shop
      await api.post("/admin/price-preferences", { attribute: "currency_code", value: "usd", is_tax_inclusive: true }, admin)
      const scale = await shop.product("Gold scale", D.merchant.id, "PHYSICAL", 2723)
      const amal = await shop.buyer("amal@buyer.local")

      const orderId = await shop.pay(amal, await shop.cart(amal, [[scale, 1]], "ae", { buyer_trn: BUYER_TRN }))
      const [inv] = await shop.invoicesOf(amal, orderId)
      // 2,723.00 USD incl.: VAT = 2723 × 5/105 = 129.666… → 129.67; taxable 2,593.33.
      // In AED at 3.6725: total 10,000.2175 → 10,000.22 (> 10,000: full invoice for a registered buyer); VAT 476.213… → 476.21
      expect(inv).toEqual(expect.objectContaining({
        kind: "FULL", currency_code: "usd", tax_inclusive: true, exchange_rate: "3.6725", exchange_rate_source: "fixed",
        taxable_minor: 259333, vat_minor: 12967, total_minor: 272300, vat_aed_minor: 47621, total_aed_minor: 1000022,
      }))
      expect(inv.recipient.trn).toBe(BUYER_TRN)
      const text = (await api.get(`/store/orders/${orderId}/tax-invoices/${inv.id}?format=txt`, amal)).data as string
      expect(text).toContain("Exchange rate: 1 USD = 3.6725 AED")
      expect(text).toContain("Total VAT in AED: 476.21 AED")
      expect(text).toContain("Total amount in AED: 10000.22 AED")
      expect(text).toContain(`Recipient TRN: ${BUYER_TRN}`)

      // UBL 2.1 (PINT AE) for this B2B invoice, validated against the UBL 2.1 schema.
      const xml = (await api.get(`/admin/tax-invoices/${inv.id}?format=xml`, admin)).data as string
      expect(xml).toContain("<cbc:CustomizationID>urn:peppol:pint:billing-1@ae-1</cbc:CustomizationID>")
      expect(xml).toContain(`<cbc:CompanyID>${TRN}</cbc:CompanyID>`)
      expect(xml).toContain('<cbc:TaxAmount currencyID="AED">476.21</cbc:TaxAmount>')
      const schema = await ublSchemaFiles()
      const result = await validateXML({ xml: [{ fileName: "invoice.xml", contents: xml }], schema: schema.main, preload: schema.preload } as any)
      expect(result.errors).toEqual([])
      expect(result.valid).toBe(true)

      // Same buyer without a TRN: simplified even above the limit. Shipping to the US: export, zero-rated.
      const exportOrder = await shop.pay(amal, await shop.cart(amal, [[scale, 1]], "us"))
      const [exp] = await shop.invoicesOf(amal, exportOrder)
      expect(exp).toEqual(expect.objectContaining({ kind: "SIMPLIFIED", vat_minor: 0, zero_rated_minor: 272300, total_minor: 272300, number: "INV-VAT-DESERT-000002" }))
      expect(exp.lines[0]).toEqual(expect.objectContaining({ treatment: "ZERO_RATED", rate_bps: 0 }))

      // The admin's rate table overrides the fixed table for new invoices; issued invoices keep theirs.
      expect((await failing(api.post("/admin/vat/exchange-rates", { currency_code: "usd", aed_per_unit: "-1" }, admin))).status).toBe(400)
      await api.post("/admin/vat/exchange-rates", { currency_code: "USD", aed_per_unit: "3.70" }, admin)
      const later = await shop.pay(amal, await shop.cart(amal, [[scale, 1]]))
      const [laterInv] = await shop.invoicesOf(amal, later)
      expect(laterInv).toEqual(expect.objectContaining({ exchange_rate: "3.70", exchange_rate_source: "table:admin", total_aed_minor: 1007510 }))
      expect((await api.get(`/admin/tax-invoices/${inv.id}`, admin)).data.tax_invoice.exchange_rate).toBe("3.6725")
    })

    it("numbers invoices per supplier without gaps or duplicates under concurrent orders", async () => {
      const shop = await uaeShop("aed")
      const lamp = await shop.product("Brass lamp", shop.D.merchant.id, "PHYSICAL", 10)
      const buyers = await Promise.all(Array.from({ length: 6 }, (_, i) => shop.buyer(`b${i}@buyer.local`)))
      const carts = await Promise.all(buyers.map((b) => shop.cart(b, [[lamp, 1]])))
      const orders = await Promise.all(buyers.map((b, i) => shop.pay(b, carts[i])))
      // Issuing again for every order at once, while the subscribers run: nothing is issued twice.
      await Promise.all(orders.map((id) => issueInvoicesForOrder(getContainer(), id)))
      const invoices = await waitFor(async () => (await api.get("/merchant/tax-invoices?limit=100", shop.D.owner)).data.tax_invoices as any[], (l) => l.length >= 6)
      expect(invoices).toHaveLength(6)
      expect(invoices.map((i) => i.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
      expect(new Set(invoices.map((i) => i.order_id)).size).toBe(6)
      // And directly against the lock: 10 parallel issues for 10 fake orders.
      const vat: any = getContainer().resolve("vat_ae")
      const inv = { kind: "SIMPLIFIED", supplier: {}, recipient: {}, currency_code: "aed", issued_at: new Date(), supply_date: new Date(), taxable_minor: 0, vat_minor: 0, total_minor: 0, vat_aed_minor: 0, total_aed_minor: 0 }
      await Promise.all(Array.from({ length: 10 }, (_, i) => vat.issueInvoice({ order_id: `order_fake_${i}`, supplier_id: "mer_other", supplier_handle: "other", invoice: inv, lines: [] })))
      const numbers = (await vat.listTaxInvoices({ supplier_id: "mer_other" })).map((i: any) => i.sequence).sort((a: number, b: number) => a - b)
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    })
  },
})
