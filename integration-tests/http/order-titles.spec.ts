import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { startMailCatcher, type CaughtMessage } from "../../src/modules/notification-center/mail-catcher"
import { checkoutActors } from "../helpers/checkout"
import { adminProduct, approvedMerchant, Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// Issue 21: an order reads in the buyer's language through the store order API the storefront uses
// (its js-sdk sends x-medusa-locale), with the names as bought as fallback.
const API_KEY = "sk_sandbox_titles_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
let mail: Awaited<ReturnType<typeof startMailCatcher>>
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_titles_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  mail = await startMailCatcher()
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_titles_test", COURSE_URL_SECRET: "titles-test-secret-1",
    SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.smtpPort), SMTP_FROM: "Snail <no-reply@snail.test>", SMTP_TIMEOUT_MS: "3000", STOREFRONT_URL: "http://store.test",
  })
})
afterAll(async () => {
  await psp?.close()
  await mail?.close()
})
const to = (email: string) => (m: CaughtMessage) => m.to.includes(email)

const AR = { product: "الخبز بالعجين المخمر", variant: "قياسي" }
const RU = { product: "Хлеб на закваске", variant: "Стандарт" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    async function shop() {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const academy = await approvedMerchant(api, admin, "titles-academy-test")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      // Translated in Medusa's translation module (as the seed does).
      const bread = await adminProduct(api, admin, { title: "Sourdough baking", amount: 30, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      const translations: any = getContainer().resolve(Modules.TRANSLATION)
      await translations.createTranslations([
        { reference: "product", reference_id: bread.id, locale_code: "ar-AE", translations: { title: AR.product } },
        { reference: "product", reference_id: bread.id, locale_code: "ru-RU", translations: { title: RU.product } },
        { reference: "product_variant", reference_id: bread.variants[0].id, locale_code: "ar-AE", translations: { title: AR.variant } },
        { reference: "product_variant", reference_id: bread.variants[0].id, locale_code: "ru-RU", translations: { title: RU.variant } },
      ])
      // Translated by its merchant in the dashboard (metadata.translations), Arabic only.
      const tax = await adminProduct(api, admin, { title: "Tax basics", amount: 20, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      await api.post(`/merchant/products/${tax.id}`, { translations: { ar: { title: "أساسيات الضرائب" } } }, academy.owner)
      return { pk, region, bread, tax }
    }

    async function buyer(pk: string, email: string): Promise<Headers> {
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Bea", last_name: "Buyer" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
    }

    async function checkout(h: Headers, regionId: string, variantIds: string[], locale?: string, metadata?: Record<string, unknown>) {
      const cart = (await api.post("/store/carts", { region_id: regionId, ...(locale ? { locale } : {}), ...(metadata ? { metadata } : {}) }, h)).data.cart
      for (const v of variantIds) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v, quantity: 1 }, h)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, h)
      const placed = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(placed.data.type).toBe("order")
      return placed.data.order
    }

    const inLocale = (h: Headers, locale: string): Headers => ({ headers: { ...h.headers, "x-medusa-locale": locale } })
    // What the storefront asks for (storefront/lib/orders.ts ORDER_FIELDS has *items).
    const names = (o: any) => (o.items as any[]).map((i) => [i.product_title, i.variant_title, i.title]).sort()

    it("an order placed from an Arabic cart reads in Arabic, Russian and English through the store order API", async () => {
      const { pk, region, bread, tax } = await shop()
      const bea = await buyer(pk, "bea@titles.test")
      // The cart in Arabic: Medusa itself stores translated names on its lines then.
      const order = await checkout(bea, region.id, [bread.variants[0].id, tax.variants[0].id], "ar-AE")
      const read = async (locale: string) => (await api.get(`/store/orders/${order.id}?fields=*items`, inLocale(bea, locale))).data.order

      expect(names(await read("ar-AE"))).toEqual([
        [AR.product, AR.variant, AR.product],
        ["أساسيات الضرائب", "Default", "أساسيات الضرائب"],
      ].sort())
      // Russian: the module's Russian words; no Russian for "Tax basics", so the catalogue's own text.
      expect(names(await read("ru-RU"))).toEqual([
        [RU.product, RU.variant, RU.product],
        ["Tax basics", "Default", "Tax basics"],
      ].sort())
      expect(names(await read("en-GB"))).toEqual([
        ["Sourdough baking", "Default", "Sourdough baking"],
        ["Tax basics", "Default", "Tax basics"],
      ].sort())

      // "My orders" (the list) and the order's lines answer the same way.
      const list = (await api.get("/store/orders?fields=*items", inLocale(bea, "ru-RU"))).data.orders
      expect(names(list[0])).toEqual(names(await read("ru-RU")))
      const lines = (await api.get(`/store/orders/${order.id}/lines`, inLocale(bea, "ar-AE"))).data.lines
      expect(lines.map((l: any) => l.title).sort()).toEqual([AR.product, "أساسيات الضرائب"].sort())
      // "My courses" in Russian.
      const courses = await waitFor(async () => (await api.get("/store/courses", inLocale(bea, "ru-RU"))).data.courses, (cs: any[]) => cs.length === 2)
      expect(courses.map((c: any) => c.product.title).sort()).toEqual([RU.product, "Tax basics"].sort())
    })

    it("emails name the items in each recipient's language: the buyer's Arabic, the merchant's English", async () => {
      mail.clear()
      const { pk, region, bread, tax } = await shop()
      const rania = await buyer(pk, "rania@titles.test")
      // As the storefront's checkout stores it: the language the buyer shopped in (docs/notifications.md).
      const order = await checkout(rania, region.id, [bread.variants[0].id, tax.variants[0].id], undefined, { locale: "ar" })
      // The order's messages name its number (the buyer also gets an address confirmation).
      const about = (email: string) => (m: CaughtMessage) => to(email)(m) && m.subject.includes(String(order.display_id))
      const buyerMail = await mail.waitFor(about("rania@titles.test"))
      expect(buyerMail.html).toContain(AR.product)
      expect(buyerMail.html).toContain("أساسيات الضرائب")
      expect(buyerMail.html).not.toContain("Sourdough baking")
      const merchantMail = await mail.waitFor(about("owner@titles-academy-test.test"))
      expect(merchantMail.html).toContain("Sourdough baking")
      expect(merchantMail.html).not.toContain(AR.product)
    })

    it("an order placed from the storefront's cart (stored in the merchant's words) reads in the reader's language; unknown languages get the names as bought", async () => {
      const { pk, region, bread } = await shop()
      const cy = await buyer(pk, "cy@titles.test")
      const order = await checkout(cy, region.id, [bread.variants[0].id])
      const read = async (h: Headers) => (await api.get(`/store/orders/${order.id}?fields=id,items.id,items.product_title,items.variant_title,items.title`, h)).data.order
      expect(names(await read(inLocale(cy, "ar-AE")))).toEqual([[AR.product, AR.variant, AR.product]])
      expect(names(await read(inLocale(cy, "en-GB")))).toEqual([["Sourdough baking", "Default", "Sourdough baking"]])
      expect(names(await read(inLocale(cy, "fr-FR")))).toEqual([["Sourdough baking", "Default", "Sourdough baking"]])
      expect(names(await read(cy))).toEqual([["Sourdough baking", "Default", "Sourdough baking"]])
      // ?locale= works as the header does (server components pass it that way).
      expect(names((await api.get(`/store/orders/${order.id}?fields=*items&locale=ru-RU`, cy)).data.order)).toEqual([[RU.product, RU.variant, RU.product]])
      // The stored line keeps the merchant's words as bought (receipts, statements and the admin read them).
      const stored = (await getContainer().resolve(Modules.ORDER).listOrderLineItems({ id: order.items[0].id }))[0]
      expect([stored.title, stored.product_title, stored.variant_title]).toEqual(["Sourdough baking", "Sourdough baking", "Default"])
    })

    it("a cart answers in the reader's language on every cart route (the checkout summary), stored in the merchant's words", async () => {
      const { pk, region, bread, tax } = await shop()
      const di = await buyer(pk, "di@titles.test")
      const cart = (await api.post("/store/carts", { region_id: region.id }, di)).data.cart
      // Adding, as the storefront does with its js-sdk (x-medusa-locale on every request).
      const added = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: bread.variants[0].id, quantity: 1 }, inLocale(di, "ar-AE"))).data.cart
      expect(names(added)).toEqual([[AR.product, AR.variant, AR.product]])
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: tax.variants[0].id, quantity: 1 }, di)
      const read = async (h: Headers) => (await api.get(`/store/carts/${cart.id}`, h)).data.cart
      expect(names(await read(inLocale(di, "ar-AE")))).toEqual([[AR.product, AR.variant, AR.product], ["أساسيات الضرائب", "Default", "أساسيات الضرائب"]].sort())
      expect(names(await read(inLocale(di, "ru-RU")))).toEqual([[RU.product, RU.variant, RU.product], ["Tax basics", "Default", "Tax basics"]].sort())
      expect(names(await read(di))).toEqual([["Sourdough baking", "Default", "Sourdough baking"], ["Tax basics", "Default", "Tax basics"]].sort())
      // An update answers the cart the same way; the stored lines keep the merchant's words.
      expect(names((await api.post(`/store/carts/${cart.id}`, { email: "di@titles.test" }, inLocale(di, "ar-AE"))).data.cart).map((n) => n[0])).toEqual(["أساسيات الضرائب", AR.product].sort())
      const stored = await getContainer().resolve(Modules.CART).listLineItems({ cart_id: cart.id })
      expect(stored.map((i: any) => i.product_title).sort()).toEqual(["Sourdough baking", "Tax basics"])
    })
  },
})
