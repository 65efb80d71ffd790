import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failing, storefrontAccess } from "../helpers/admin"
import { inviteMerchantStaffWorkflow } from "../../src/workflows/marketplace/merchant-invites"
import { adminProduct, applyAsMerchant, approvedMerchant, bearer, Headers, merchantLogin, placeOrder, productBody } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    let admin: Headers

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    describe("onboarding", () => {
      it("applies, is reviewed by the platform, then the owner sells and invites staff", async () => {
        const { merchant, owner, email } = await applyAsMerchant(api, "clay-works", { country_code: "ru", inn: "7707083893" })
        expect(merchant).toEqual(expect.objectContaining({ kyc_status: "PENDING", handle: "clay-works", country_code: "ru" }))

        // Before approval the owner sees the application, nothing else.
        expect((await api.get("/merchant/me", owner)).data.merchant.kyc_status).toBe("PENDING")
        const early = await failing(api.post("/merchant/products", productBody("Early"), owner))
        expect(early).toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_NOT_APPROVED" }) })

        const pending = await api.get("/admin/merchants?kyc_status=PENDING", admin)
        expect(pending.data.merchants.map((m: any) => m.handle)).toEqual(["clay-works"])
        const approved = await api.post(`/admin/merchants/${merchant.id}/approve`, {}, admin)
        expect(approved.data.merchant.kyc_status).toBe("APPROVED")
        const detail = await api.get(`/admin/merchants/${merchant.id}`, admin)
        expect(detail.data.merchant.users).toEqual([expect.objectContaining({ email, role: "OWNER" })])
        expect(detail.data.merchant.stock_location?.id).toBeTruthy()

        const created = await api.post("/merchant/products", productBody("Clay Cup", { kind: "COURSE" }), owner)
        expect(created.status).toBe(201)
        expect(created.data.product).toEqual(expect.objectContaining({ title: "Clay Cup", kind: "COURSE" }))
        const adminView = await api.get(`/admin/products/${created.data.product.id}`, admin)
        expect(adminView.data.product.merchant).toEqual(expect.objectContaining({ id: merchant.id, handle: "clay-works" }))

        // Invite → staff member registers → accepts → signs in as STAFF.
        const invite = await api.post("/merchant/invites", { email: "staff@clay-works.test" }, owner)
        expect(invite.status).toBe(201)
        const reg = await api.post("/auth/merchant/emailpass/register", { email: "staff@clay-works.test", password: "merchant-pass-123" })
        const accepted = await api.post("/merchant/invites/accept", { token: invite.data.token }, bearer(reg.data.token))
        expect(accepted.data.merchant_user).toEqual(expect.objectContaining({ role: "STAFF", email: "staff@clay-works.test" }))
        const staff = await merchantLogin(api, "staff@clay-works.test")
        expect((await api.get("/merchant/me", staff)).data.merchant_user.role).toBe("STAFF")
        expect((await api.get("/merchant/products", staff)).data.products.map((p: any) => p.title)).toEqual(["Clay Cup"])
        const staffInvite = await failing(api.post("/merchant/invites", { email: "x@clay-works.test" }, staff))
        expect(staffInvite).toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_OWNER_ONLY" }) })
        expect((await api.get("/merchant/staff", owner)).data.staff).toHaveLength(2)
      })

      it("rejects with a reason, and refuses moves the KYC process does not allow", async () => {
        const { merchant, owner } = await applyAsMerchant(api, "shady-shop")
        const rejected = await api.post(`/admin/merchants/${merchant.id}/reject`, { reason: "Documents unreadable" }, admin)
        expect(rejected.data.merchant).toEqual(expect.objectContaining({ kyc_status: "REJECTED", kyc_reason: "Documents unreadable" }))
        expect((await api.get("/merchant/me", owner)).data.merchant.kyc_reason).toBe("Documents unreadable")

        const suspendRejected = await failing(api.post(`/admin/merchants/${merchant.id}/suspend`, { reason: "nope" }, admin))
        expect(suspendRejected).toEqual({ status: 409, data: expect.objectContaining({ code: "INVALID_KYC_TRANSITION" }) })
        const noReason = await failing(api.post(`/admin/merchants/${merchant.id}/reject`, {}, admin))
        expect(noReason.status).toBe(400)
        expect(noReason.data.field).toBe("reason")
      })
    })

    describe("bad input", () => {
      const register = async (email: string) =>
        bearer((await api.post("/auth/merchant/emailpass/register", { email, password: "merchant-pass-123" })).data.token)

      it("validates INN and TRN checksums and shapes, and requires them where the law does", async () => {
        const token = await register("taxes@test.local")
        const apply = (body: Record<string, unknown>) =>
          failing(api.post("/merchant/applications", { handle: "tax-test", legal_name: "Tax Test LLC", display_name: "Tax test",
            country_code: "ru", tax_regime: "VAT_PAYER", contact_email: "taxes@test.local", ...body }, token))

        expect(await apply({ inn: "7707083894" })).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_INN", field: "inn" }) })
        expect(await apply({ inn: "12345" })).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_INN" }) })
        expect(await apply({})).toEqual({ status: 400, data: expect.objectContaining({ code: "TAX_ID_REQUIRED", field: "inn" }) })
        expect(await apply({ country_code: "ae", trn: "1234" })).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_TRN", field: "trn" }) })
        expect(await apply({ country_code: "ae" })).toEqual({ status: 400, data: expect.objectContaining({ code: "TAX_ID_REQUIRED", field: "trn" }) })
        expect(await apply({ inn: "500100732259", tax_regime: "BARTER" })).toEqual({ status: 400, data: expect.objectContaining({ field: "tax_regime" }) })

        const ok = await api.post("/merchant/applications", { handle: "tax-test", legal_name: "IP Test", display_name: "Tax test",
          country_code: "ru", inn: "500100732259", tax_regime: "SIMPLIFIED_NO_VAT", contact_email: "taxes@test.local" }, token)
        expect(ok.status).toBe(201)
        const twice = await failing(api.post("/merchant/applications", { handle: "tax-test-2", legal_name: "Second LLC", display_name: "Second",
          country_code: "de", tax_regime: "VAT_PAYER", contact_email: "taxes@test.local" }, token))
        expect(twice).toEqual({ status: 403, data: expect.objectContaining({ code: "ALREADY_MERCHANT_USER" }) })
      })

      it("refuses a duplicate handle", async () => {
        await applyAsMerchant(api, "same-name")
        const token = await register("second@test.local")
        const dup = await failing(api.post("/merchant/applications", { handle: "same-name", legal_name: "Other", display_name: "Other",
          country_code: "de", tax_regime: "VAT_PAYER", contact_email: "second@test.local" }, token))
        expect(dup).toEqual({ status: 409, data: expect.objectContaining({ code: "HANDLE_TAKEN", field: "handle" }) })
      })

      it("refuses expired and reused invites", async () => {
        const { owner } = await approvedMerchant(api, admin, "invite-co")
        const first = await api.post("/merchant/invites", { email: "one@invite-co.test" }, owner)
        const one = await register("one@invite-co.test")
        await api.post("/merchant/invites/accept", { token: first.data.token }, one)
        const two = await register("two@invite-co.test")
        const reused = await failing(api.post("/merchant/invites/accept", { token: first.data.token }, two))
        expect(reused).toEqual({ status: 409, data: expect.objectContaining({ code: "INVITE_ALREADY_USED" }) })

        const me = (await api.get("/merchant/me", owner)).data
        const { result } = await inviteMerchantStaffWorkflow(getContainer()).run({
          input: { merchant_id: me.merchant.id, email: "late@invite-co.test", invited_by: me.merchant_user.id, ttl_ms: -1000 },
        })
        const late = await register("late@invite-co.test")
        const expired = await failing(api.post("/merchant/invites/accept", { token: result.token }, late))
        expect(expired).toEqual({ status: 422, data: expect.objectContaining({ code: "INVITE_EXPIRED" }) })
        const unknown = await failing(api.post("/merchant/invites/accept", { token: "not-a-real-token-at-all" }, late))
        expect(unknown).toEqual({ status: 404, data: expect.objectContaining({ code: "INVITE_NOT_FOUND" }) })
        expect((await api.get("/merchant/staff", owner)).data.staff).toHaveLength(2)
      })

      it("refuses sign-in and every request for staff of a suspended merchant", async () => {
        const { merchant, owner, email } = await approvedMerchant(api, admin, "gone-bad")
        await api.post(`/admin/merchants/${merchant.id}/suspend`, { reason: "Chargebacks" }, admin)
        const signIn = await failing(api.post("/auth/merchant/emailpass", { email, password: "merchant-pass-123" }))
        expect(signIn).toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_SUSPENDED" }) })
        const withOldToken = await failing(api.get("/merchant/products", owner))
        expect(withOldToken).toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_SUSPENDED" }) })
        // Reinstated by approving again.
        await api.post(`/admin/merchants/${merchant.id}/approve`, {}, admin)
        expect((await merchantLogin(api, email)).headers.authorization).toMatch(/^Bearer /)
      })
    })

    describe("store visibility", () => {
      it("shows only approved merchants' products and refuses others' in a cart", async () => {
        const container = getContainer()
        const { salesChannelId, storeHeaders } = await storefrontAccess(container)
        const seller = await approvedMerchant(api, admin, "good-seller")
        const sold = await api.post("/merchant/products", productBody("Visible Vase"), seller.owner)
        const waiting = await applyAsMerchant(api, "not-yet")
        // A platform admin lists a product for the pending merchant (e.g. migrated catalogue).
        const hidden = await api.post("/admin/products", {
          title: "Hidden Vase", status: "published", options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", options: { Format: "Default" }, prices: [{ currency_code: "eur", amount: 10 }] }],
          additional_data: { merchant_id: waiting.merchant.id },
        }, admin)
        for (const id of [sold.data.product.id, hidden.data.product.id]) {
          await api.post(`/admin/sales-channels/${salesChannelId}/products`, { add: [id] }, admin)
        }

        const list = await api.get("/store/products", storeHeaders)
        expect(list.data.products.map((p: any) => p.title)).toEqual(["Visible Vase"])
        expect(list.data.products[0].merchant).toEqual(expect.objectContaining({ handle: "good-seller" }))
        const byMerchant = await api.get(`/store/products?merchant_id=${waiting.merchant.id}`, storeHeaders)
        expect(byMerchant.data.count).toBe(0)
        expect((await failing(api.get(`/store/products/${hidden.data.product.id}`, storeHeaders))).status).toBe(404)
        expect((await failing(api.get("/store/merchants/not-yet", storeHeaders))).status).toBe(404)
        expect((await api.get("/store/merchants/good-seller", storeHeaders)).data.merchant.display_name).toBe("good seller")

        const { data: { regions } } = await api.get("/admin/regions", admin)
        const region = regions[0] ?? (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"] }, admin)).data.region
        const cart = (await api.post("/store/carts", { region_id: region.id }, storeHeaders)).data.cart
        const variantId = hidden.data.product.variants[0].id
        const refused = await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, storeHeaders))
        expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "MERCHANT_NOT_APPROVED" }) })
      })
    })

    describe("scoped order view", () => {
      it("shows a merchant its own lines of a mixed order and nothing of the others'", async () => {
        const a = await approvedMerchant(api, admin, "merchant-a")
        const b = await approvedMerchant(api, admin, "merchant-b")
        // Services hold no stock, so the order needs no inventory setup.
        const untracked = (title: string) => productBody(title, { kind: "SERVICE", variants: [{ title: "Default", options: { Format: "Default" },
          manage_inventory: false, prices: [{ currency_code: "eur", amount: 10 }] }] })
        const pa = (await api.post("/merchant/products", untracked("A thing"), a.owner)).data.product
        const pb = (await api.post("/merchant/products", untracked("B thing"), b.owner)).data.product
        const order = await placeOrder(getContainer(), [
          { variant_id: pa.variants[0].id, title: "A thing", unit_price: 12.5 },
          { variant_id: pb.variants[0].id, title: "B thing", unit_price: 30 },
        ])

        const aOrders = (await api.get("/merchant/orders", a.owner)).data
        expect(aOrders.count).toBe(1)
        expect(aOrders.orders[0].items.map((i: any) => i.title)).toEqual(["A thing"])
        expect(aOrders.orders[0]).toEqual(expect.objectContaining({ merchant_subtotal: "12.50", merchant_subtotal_minor: 1250 }))
        expect(aOrders.orders[0].shipping_address).toEqual(expect.objectContaining({ city: "Berlin" }))
        expect(JSON.stringify(aOrders)).not.toContain("B thing")

        const bOrder = (await api.get(`/merchant/orders/${order.id}`, b.owner)).data.order
        expect(bOrder.items.map((i: any) => i.title)).toEqual(["B thing"])
        expect(bOrder.merchant_subtotal_minor).toBe(3000)

        const c = await approvedMerchant(api, admin, "merchant-c")
        expect((await failing(api.get(`/merchant/orders/${order.id}`, c.owner))).status).toBe(404)
        expect((await api.get("/merchant/orders", c.owner)).data.orders).toEqual([])
      })
    })

    describe("checkout", () => {
      it("links a completed mixed cart's order to each merchant in it", async () => {
        const container = getContainer()
        const { salesChannelId, storeHeaders } = await storefrontAccess(container)
        const a = await approvedMerchant(api, admin, "cart-a")
        const b = await approvedMerchant(api, admin, "cart-b")
        const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }, admin)).data.region
        // Created without a shipping profile: digital lines need no shipping method at checkout.
        const product = (title: string, merchantId: string, kind: string) =>
          adminProduct(api, admin, { title, amount: 20, salesChannelId, merchantId, kind })
        const pa = await product("A course", a.merchant.id, "COURSE")
        const pb = await product("B course", b.merchant.id, "COURSE")

        const cart = (await api.post("/store/carts", { region_id: region.id, email: "buyer@test.local" }, storeHeaders)).data.cart
        for (const p of [pa, pb]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, storeHeaders)
        const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)).data.payment_collection
        await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
        const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders)
        expect(completed.data.type).toBe("order")
        const orderId = completed.data.order.id

        const aView = (await api.get(`/merchant/orders/${orderId}`, a.owner)).data.order
        const bView = (await api.get(`/merchant/orders/${orderId}`, b.owner)).data.order
        expect(aView.items.map((i: any) => i.title)).toEqual(["A course"])
        expect(bView.items.map((i: any) => i.title)).toEqual(["B course"])
        expect(aView.merchant_subtotal_minor + bView.merchant_subtotal_minor).toBe(4000)
      })
    })
  },
})
