import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { startMailCatcher, type CaughtMessage } from "../../src/modules/notification-center/mail-catcher"
import { FISCAL_MODULE } from "../../src/modules/fiscal"
import { dispatchFiscalReceipts } from "../../src/workflows/fiscal/dispatch"
import { issueTaxInvoicesWorkflow } from "../../src/workflows/vat-ae/issue-invoices"
import { startAtolContractServer, type AtolContractServer } from "../helpers/atol-contract-server"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { applyAsMerchant, type Headers } from "../helpers/merchants"
import { waitFor } from "../helpers/wait"

// Issue 19: the documents the buyer is e-mailed (RU fiscal receipt, UAE tax invoice / credit note PDF)
// and the admins' alert for a receipt that failed, through the real flows and the real SMTP catcher.
jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_notify_docs"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
let mail: Awaited<ReturnType<typeof startMailCatcher>>
let atol: AtolContractServer

beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_notify_docs", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  mail = await startMailCatcher()
  atol = await startAtolContractServer({ pollsBeforeDone: 1 })
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_notify_docs",
    SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.smtpPort), SMTP_FROM: "Snail <no-reply@snail.test>", SMTP_TIMEOUT_MS: "3000",
    NOTIFY_MAX_ATTEMPTS: "3", NOTIFY_BACKOFF_MS: "200", STOREFRONT_URL: "http://store.test",
    FISCAL_PROVIDER: "atol", ATOL_BASE_URL: atol.url, ATOL_LOGIN: atol.login, ATOL_PASSWORD: atol.password, ATOL_GROUP_CODE: atol.groupCode,
    ATOL_INN: "7702070139", ATOL_SNO: "osn", ATOL_PAYMENT_ADDRESS: "https://snail.example", ATOL_COMPANY_EMAIL: "fiscal@snail.example",
    FISCAL_BACKOFF_MS: "1000", FISCAL_POLL_INTERVAL_MS: "500", ATOL_TIMEOUT_MS: "3000",
  })
})
afterAll(async () => {
  await psp?.close()
  await mail?.close()
  await atol?.close()
})

const to = (email: string) => (m: CaughtMessage) => m.to.includes(email)
const FAR = () => new Date(Date.now() + 24 * 3600 * 1000)
const CARD = { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    beforeEach(() => mail.clear())

    async function product(admin: Headers, salesChannelId: string, title: string, currency: string, amount: number, merchantId: string, kind: string) {
      return (await api.post("/admin/products", {
        title, status: "published", options: [{ title: "Format", values: ["Default"] }],
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: currency, amount }] }],
        sales_channels: [{ id: salesChannelId }], additional_data: { merchant_id: merchantId, kind },
      }, admin)).data.product
    }
    async function pay(h: Headers, cartId: string) {
      const pc = (await api.post("/store/payment-collections", { cart_id: cartId }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, CARD, h)
      const placed = await api.post(`/store/carts/${cartId}/complete`, {}, h)
      expect(placed.data.type).toBe("order")
      return placed.data.order
    }

    it("RU: a receipt that fails for good alerts the admins; once registered, the buyer gets its fiscal data and OFD link in Russian", async () => {
      const container = getContainer()
      const { admin, store, salesChannelId } = await checkoutActors(container, api)
      const m = await applyAsMerchant(api, "ru-academy-notify", { country_code: "ru", inn: "7736207543", tax_regime: "VAT_PAYER", legal_name: "ООО Академия" })
      await api.post(`/admin/merchants/${m.merchant.id}/approve`, {}, admin)
      const region = (await api.post("/admin/regions", { name: "Russia", currency_code: "rub", countries: ["ru"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const course = await product(admin, salesChannelId, "Терпение 101", "rub", 1000, m.merchant.id, "COURSE")

      atol.reset()
      atol.failDocuments = true // the register refuses the document (shift over 24 h): a final answer
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "pupil@buyer.test", metadata: { locale: "ru" } }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, store)
      const order = await pay(store, cart.id)
      const fiscal: any = container.resolve(FISCAL_MODULE)
      const [failed] = await waitFor(async () => {
        await dispatchFiscalReceipts(container, { until: FAR() })
        return fiscal.listFiscalReceipts({ order_id: order.id, status: "FAILED" })
      }, (rs: any[]) => rs.length >= 1)
      expect(failed).toBeDefined()

      const alert = await mail.waitFor((x) => to("admin@test.local")(x) && x.subject.startsWith("Fiscal receipt failed"))
      expect(alert.subject).toBe(`Fiscal receipt failed: order #${order.display_id}`)
      expect(alert.text).toContain("Receipt: Sale")
      expect(alert.text).toMatch(/Amount: RUB\s1,000\.00/)
      expect(alert.html).toContain("/app/fiscal-receipts")
      expect(alert.text).not.toMatch(/смена|FAILED|sell\b/) // the provider's raw error and codes stay in the admin page

      // Fixed at the register: the operator retries, ATOL answers through its callback; the buyer gets the receipt.
      atol.failDocuments = false
      const retried = (await api.post(`/admin/fiscal/receipts/${failed.id}/retry`, {}, admin)).data.receipt
      expect((await api.post("/hooks/fiscal/atol", { uuid: retried.provider_ref, status: "done" })).status).toBe(200)
      const done = await waitFor(() => fiscal.retrieveFiscalReceipt(failed.id), (r: any) => r.status === "DONE")
      const receipt = await mail.waitFor((x) => to("pupil@buyer.test")(x) && x.subject.startsWith("Кассовый чек"))
      expect(receipt.subject).toBe(`Кассовый чек по заказу №${order.display_id}`)
      expect(receipt.html).toContain('lang="ru"')
      expect(receipt.text).toMatch(/Сумма: 1\s000,00\s₽/)
      expect(receipt.text).toContain(`ФН: ${done.fn_number}`)
      expect(receipt.text).toContain(`ФД: ${done.fd_number}`)
      expect(receipt.text).toContain(`ФПД: ${done.fpd}`)
      expect(receipt.text).toMatch(/Зарегистрирован: .*\(Москва, стандартное время\)/)
      expect(receipt.text).toContain(`Открыть чек: ${done.ofd_url}`)
      expect(receipt.text).not.toMatch(/prepayment|payment\b/)
      // One alert and one receipt message for this receipt, however often the events come.
      await dispatchFiscalReceipts(container, { until: FAR() })
      await new Promise((r) => setTimeout(r, 800))
      expect(mail.messages().filter((x) => to("admin@test.local")(x) && x.subject.startsWith("Fiscal receipt failed"))).toHaveLength(1)
      expect(mail.messages().filter((x) => to("pupil@buyer.test")(x) && x.text?.includes(`ФД: ${done.fd_number}`))).toHaveLength(1)
    })

    it("UAE: the tax invoice and, after a refund, the credit note reach the buyer with their PDF, in Arabic right to left", async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const d = await applyAsMerchant(api, "desert-notify", { country_code: "ae", tax_regime: "VAT_PAYER", trn: "100123456700003" })
      await api.post(`/admin/merchants/${d.merchant.id}/approve`, {}, admin)
      const region = (await api.post("/admin/regions", { name: "UAE", currency_code: "aed", countries: ["ae"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      await api.post("/admin/tax-regions", { country_code: "ae", provider_id: "tp_ae-vat_uae" }, admin)
      const lamp = await product(admin, salesChannelId, "Brass lamp", "aed", 200, d.merchant.id, "PHYSICAL")
      const address = { first_name: "Amal", last_name: "Buyer", address_1: "12 Palm St", city: "Dubai", country_code: "ae" }
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "amal@buyer.test", shipping_address: address, billing_address: address }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: lamp.variants[0].id, quantity: 1 }, store)
      const order = await pay(store, cart.id)

      const invoiceMail = await mail.waitFor((x) => to("amal@buyer.test")(x) && x.subject.startsWith("الفاتورة الضريبية"))
      const [invoice] = (await api.get(`/admin/orders/${order.id}/tax-invoices`, admin)).data.tax_invoices
      const number = invoice.number
      expect(number).toMatch(/^INV-DESERT-NOTIFY-\d{6}$/)
      expect(invoiceMail.subject).toBe(`الفاتورة الضريبية ${number} للطلب رقم ${order.display_id}`)
      expect(invoiceMail.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/)
      // 200.00 AED + 5 % VAT = 210.00, formatted for an Arabic (UAE) reader.
      expect(invoiceMail.text).toContain(`الرقم: ${number}`)
      expect(invoiceMail.text).toContain(new Intl.NumberFormat("ar-AE", { style: "currency", currency: "AED" }).format(210))
      expect(invoiceMail.attachments.map((a) => [a.filename, a.content_type])).toEqual([[`${number}.pdf`, "application/pdf"]])
      const pdf = Buffer.from(invoiceMail.attachments[0].content, "base64")
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      expect(pdf.length).toBeGreaterThan(800)
      // The invoicing runs again (a redelivered order.placed): it finds the invoice issued and nothing is e-mailed twice.
      await issueTaxInvoicesWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await new Promise((r) => setTimeout(r, 1000))
      expect(mail.messages().filter((x) => to("amal@buyer.test")(x) && x.subject.startsWith("الفاتورة الضريبية"))).toHaveLength(1)
      expect((await api.get(`/admin/orders/${order.id}/tax-invoices`, admin)).data.tax_invoices).toHaveLength(1)

      // The merchant captures and refunds 10.50 AED: the credit note (with VAT taken out of it) follows with its PDF.
      const lines = (await api.get(`/merchant/orders/${order.id}/lines`, d.owner)).data.lines
      await api.post(`/merchant/orders/${order.id}/lines/${lines[0].id}/transitions`, { to: "FULFILLING" }, d.owner)
      await api.post(`/merchant/orders/${order.id}/lines/${lines[0].id}/refunds`, { amount: 10.5, reason: "scratched" }, d.owner)
      const noteMail = await mail.waitFor((x) => to("amal@buyer.test")(x) && x.subject.startsWith("الإشعار الدائن الضريبي"))
      const cn = /CN-[A-Z0-9-]+/.exec(noteMail.subject)![0]
      expect(noteMail.subject).toBe(`الإشعار الدائن الضريبي ${cn} للطلب رقم ${order.display_id}`)
      expect(noteMail.text).toContain(`يصحّح الفاتورة: ${number}`)
      expect(noteMail.text).toContain(new Intl.NumberFormat("ar-AE", { style: "currency", currency: "AED" }).format(10.5))
      expect(noteMail.attachments.map((a) => [a.filename, a.content_type])).toEqual([[`${cn}.pdf`, "application/pdf"]])
      expect(Buffer.from(noteMail.attachments[0].content, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-")
    })
  },
})
