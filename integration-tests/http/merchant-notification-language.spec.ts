import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { type CaughtMessage } from "../../src/modules/notification-center/mail-catcher"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { withMailCatcher } from "../helpers/mail-catcher"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { adminProduct, applyAsMerchant, approvedMerchant } from "../helpers/merchants"

/*
 * Issue 22: the shop's e-mails reach each member in the member's language (set by the dashboard's
 * language picker, POST /merchant/me/locale), else in the shop's default language — never in the
 * buyer's. A Russian-speaking buyer orders from two shops: the one whose owner reads Arabic gets the
 * new order and the dispute in Arabic, the other (no member language, shop default English) in English.
 */
jest.setTimeout(240 * 1000)

withSandboxPsp("merchant_lang")
const catcher = withMailCatcher()

const to = (email: string) => (m: CaughtMessage) => m.to.includes(email)
const langOf = (m: CaughtMessage) => /<html[^>]*\blang="(\w+)"/.exec(m.html ?? "")?.[1]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("sends a merchant's new order and dispute e-mails in the member's language, else the shop's, never the buyer's", async () => {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const arabic = await approvedMerchant(api, admin, "lang-arabic-owner")
      const english = await approvedMerchant(api, admin, "lang-english-shop")
      // A pending shop may set its owner's language too (approval e-mails are theirs).
      const pending = await applyAsMerchant(api, "lang-pending-shop")
      expect((await api.post("/merchant/me/locale", { locale: "ru" }, pending.owner)).data.merchant_user.locale).toBe("ru")

      // The owner picks Arabic in the dashboard; the choice is theirs, checked, and read back.
      expect(await failing(api.post("/merchant/me/locale", { locale: "fr" }, arabic.owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD" }) })
      const set = await api.post("/merchant/me/locale", { locale: "ar" }, arabic.owner)
      expect(set.data.merchant_user).toEqual(expect.objectContaining({ email: arabic.email, locale: "ar" }))
      expect((await api.get("/merchant/me", arabic.owner)).data.merchant_user.locale).toBe("ar")
      expect((await api.get("/merchant/me", english.owner)).data.merchant_user.locale).toBeNull()

      const eu = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const lamp = await adminProduct(api, admin, { title: "Snail lamp", amount: 25, salesChannelId, merchantId: arabic.merchant.id, kind: "PHYSICAL" })
      const mug = await adminProduct(api, admin, { title: "Snail mug", amount: 10, salesChannelId, merchantId: english.merchant.id, kind: "PHYSICAL" })

      // A guest who shops in Russian buys from both shops.
      const cart = (await api.post("/store/carts", { region_id: eu.id, email: "olga@buyer.test", metadata: { locale: "ru" } }, store)).data.cart
      for (const p of [lamp, mug]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const placed = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data
      expect(placed.type).toBe("order")

      const buyerMail = await catcher.mail.waitFor((m) => to("olga@buyer.test")(m) && m.subject.startsWith("Заказ"))
      expect(langOf(buyerMail)).toBe("ru")
      // (Each owner also had the approval e-mail, in the shop's language then: pick the order's by its product.)
      const arabicNew = await catcher.mail.waitFor((m) => to(arabic.email)(m) && (m.text ?? "").includes("Snail lamp"))
      expect(langOf(arabicNew)).toBe("ar")
      expect(arabicNew.html).toMatch(/<html[^>]*dir="rtl"/)
      expect(arabicNew.text).toContain("Snail lamp")
      expect(arabicNew.text).not.toContain("Snail mug")
      const englishNew = await catcher.mail.waitFor((m) => to(english.email)(m) && (m.text ?? "").includes("Snail mug"))
      expect(langOf(englishNew)).toBe("en")
      expect(englishNew.subject.startsWith("New order")).toBe(true)

      // The buyer reports a problem on the lamp (through the order's link): the Arabic owner reads it in Arabic.
      const lampLine = (await api.get(`/merchant/orders/${placed.order.id}/lines`, arabic.owner)).data.lines[0]
      await api.post(`/merchant/orders/${placed.order.id}/lines/${lampLine.id}/transitions`, { to: "FULFILLING" }, arabic.owner)
      catcher.mail.clear()
      const opened = await api.post(`/store/orders/${placed.order.id}/lines/${lampLine.id}/disputes?token=${encodeURIComponent(placed.order_link.token)}`,
        { reason: "DAMAGED", message: "Трещина на абажуре" }, store)
      expect(opened.status).toBe(201)
      const disputeMail = await catcher.mail.waitFor((m) => to(arabic.email)(m) && (m.text ?? "").includes("Snail lamp"))
      expect(langOf(disputeMail)).toBe("ar")
      expect(disputeMail.html).toMatch(/<html[^>]*dir="rtl"/)

      // Back to the shop's language: null clears the member's own choice.
      expect((await api.post("/merchant/me/locale", { locale: null }, arabic.owner)).data.merchant_user.locale).toBeNull()
    })
  },
})
