import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failing, storefrontAccess } from "../helpers/admin"
import { inviteMerchantStaffWorkflow } from "../../src/workflows/marketplace/merchant-invites"
import { adminProduct, applyAsMerchant, approvedMerchant, bearer, Headers, merchantLogin, parcelShipping, placeOrder, productBody } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

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

        // Invite → staff member registers → accepts → signs in as a MANAGER (an invite's default role).
        const invite = await api.post("/merchant/invites", { email: "staff@clay-works.test" }, owner)
        expect(invite.status).toBe(201)
        const reg = await api.post("/auth/merchant/emailpass/register", { email: "staff@clay-works.test", password: "merchant-pass-123" })
        const accepted = await api.post("/merchant/invites/accept", { token: invite.data.token }, bearer(reg.data.token))
        expect(accepted.data.merchant_user).toEqual(expect.objectContaining({ role: "MANAGER", email: "staff@clay-works.test" }))
        const staff = await merchantLogin(api, "staff@clay-works.test")
        expect((await api.get("/merchant/me", staff)).data.merchant_user.role).toBe("MANAGER")
        expect((await api.get("/merchant/products", staff)).data.products.map((p: any) => p.title)).toEqual(["Clay Cup"])
        const staffInvite = await failing(api.post("/merchant/invites", { email: "x@clay-works.test" }, staff))
        expect(staffInvite).toEqual({ status: 403, data: expect.objectContaining({ code: "MERCHANT_ROLE_FORBIDDEN" }) })
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

      it("enforces each staff role's routes on the server (src/lib/merchant-roles.ts)", async () => {
        const { owner } = await approvedMerchant(api, admin, "role-shop")
        const join = async (email: string, role?: string) => {
          const inv = await api.post("/merchant/invites", { email, ...(role ? { role } : {}) }, owner)
          expect(inv.data.invite.role).toBe(role ?? "MANAGER")
          const reg = await api.post("/auth/merchant/emailpass/register", { email, password: "merchant-pass-123" })
          await api.post("/merchant/invites/accept", { token: inv.data.token }, bearer(reg.data.token))
          return merchantLogin(api, email)
        }
        const packer = await join("packer@role-shop.test", "FULFILMENT")
        const books = await join("books@role-shop.test", "FINANCE")
        const manager = await join("manager@role-shop.test")
        const physical = (await api.post("/merchant/products", productBody("Role mug"), owner)).data.product
        await api.post(`/merchant/products/${physical.id}/variants/${physical.variants[0].id}/inventory`, { stocked_quantity: 5 }, owner)
        const order = await placeOrder(getContainer(), [{ variant_id: physical.variants[0].id, title: "Role mug", unit_price: 10 }])
        const [line] = (await api.get(`/merchant/orders/${order.id}/lines`, owner)).data.lines
        const lineUrl = `/merchant/orders/${order.id}/lines/${line.id}`
        const forbidden = { status: 403, data: expect.objectContaining({ code: "MERCHANT_ROLE_FORBIDDEN" }) }

        // Each role's /me names the dashboard sections it opens.
        expect((await api.get("/merchant/me", packer)).data).toEqual(expect.objectContaining({
          merchant_user: expect.objectContaining({ role: "FULFILMENT" }), sections: ["home", "products", "orders", "bookings", "shipping", "team", "settings"] }))
        expect((await api.get("/merchant/me", books)).data.sections).toContain("money")

        // Fulfilment: sees the order, is refused a refund, a cancellation and the money.
        expect((await api.get(`/merchant/orders/${order.id}/lines`, packer)).data.lines).toHaveLength(1)
        expect(await failing(api.post(`${lineUrl}/refunds`, { amount: 1, reason: "try" }, packer))).toEqual(forbidden)
        expect(await failing(api.post(`${lineUrl}/transitions`, { to: "CANCELLED", reason: "try" }, packer))).toEqual(forbidden)
        expect(await failing(api.get("/merchant/balance", packer))).toEqual(forbidden)
        expect(await failing(api.post("/merchant/products", productBody("Packer's mug"), packer))).toEqual(forbidden)
        // Finance: cannot ship, can read the money; its refund reaches the line engine (not the role gate).
        expect(await failing(api.post(`${lineUrl}/transitions`, { to: "FULFILLING" }, books))).toEqual(forbidden)
        expect((await api.get("/merchant/balance", books)).status).toBe(200)
        const refund = await api.post(`${lineUrl}/refunds`, { amount: 1, reason: "goodwill" }, books).catch((e: any) => e.response)
        expect(refund.status).not.toBe(403)
        // Manager: runs the shop but not the team.
        expect((await api.post("/merchant/products", productBody("Manager's mug"), manager)).status).toBe(201)
        const packerId = (await api.get("/merchant/me", packer)).data.merchant_user.id
        expect(await failing(api.post(`/merchant/staff/${packerId}`, { role: "FINANCE" }, manager))).toEqual(forbidden)

        // The owner changes a role; the next request already follows it.
        expect((await api.post(`/merchant/staff/${packerId}`, { role: "FINANCE" }, owner)).data.staff_member.role).toBe("FINANCE")
        expect((await api.get("/merchant/balance", packer)).status).toBe(200)
        const ownerId = (await api.get("/merchant/me", owner)).data.merchant_user.id
        expect((await failing(api.post(`/merchant/staff/${ownerId}`, { role: "FINANCE" }, owner))).status).toBe(422)
        expect((await failing(api.post(`/merchant/staff/${packerId}`, { role: "OWNER" }, owner))).status).toBe(400)
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

      it("settings: owner and finance edit the legal profile and payout method, checked, sealed at rest, shown masked; others cannot", async () => {
        const { merchant, owner } = await approvedMerchant(api, admin, "ledger-shop")
        const join = async (email: string, role?: string) => {
          const inv = await api.post("/merchant/invites", { email, ...(role ? { role } : {}) }, owner)
          const reg = await api.post("/auth/merchant/emailpass/register", { email, password: "merchant-pass-123" })
          await api.post("/merchant/invites/accept", { token: inv.data.token }, bearer(reg.data.token))
          return merchantLogin(api, email)
        }
        const books = await join("books@ledger-shop.test", "FINANCE")
        const manager = await join("manager@ledger-shop.test")
        const packer = await join("packer@ledger-shop.test", "FULFILMENT")
        const forbidden = { status: 403, data: expect.objectContaining({ code: "MERCHANT_ROLE_FORBIDDEN" }) }
        const IBAN = "DE89370400440532013000"

        // Legal profile: name and address, validated; the address is sealed at rest like the tax ids.
        const legal = await api.post("/merchant/me/legal", { legal_name: "Ledger Shop GmbH", legal_address: "Hauptstr. 5, 10115 Berlin, Germany" }, owner)
        expect(legal.data.merchant).toEqual(expect.objectContaining({ id: merchant.id, legal_name: "Ledger Shop GmbH", legal_address: "Hauptstr. 5, 10115 Berlin, Germany" }))
        expect(await failing(api.post("/merchant/me/legal", { legal_name: "   " }, owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD", message: expect.stringMatching(/legal_name/) }) })
        expect(await failing(api.post("/merchant/me/legal", { legal_address: "x\u0000y street" }, owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_FIELD" }) })
        expect(await failing(api.post("/merchant/me/legal", { legal_address: "Somewhere", colour: "red" }, owner))).toEqual({ status: 400, data: expect.objectContaining({ code: "UNKNOWN_FIELD" }) })
        expect((await api.post("/merchant/me/legal", { legal_address: "Hauptstr. 7, 10115 Berlin, Germany", trn: null }, books)).data.merchant.legal_address).toBe("Hauptstr. 7, 10115 Berlin, Germany")
        expect(await failing(api.post("/merchant/me/legal", { legal_name: "Manager GmbH" }, manager))).toEqual(forbidden)
        expect(await failing(api.post("/merchant/me/legal", { legal_name: "Packer GmbH" }, packer))).toEqual(forbidden)

        // Payout method: the IBAN's check digits, the BIC's shape and the Stripe account id are checked (400 code + field + words).
        const bad = async (body: Record<string, unknown>) => failing(api.post("/merchant/me/payout-method", body, owner))
        expect(await bad({ type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban: "DE88370400440532013000" }))
          .toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_IBAN", field: "iban", message: expect.stringMatching(/IBAN/) }) })
        expect((await bad({ type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban: IBAN, bic: "NOPE" })).data).toEqual(expect.objectContaining({ code: "INVALID_BIC", field: "bic" }))
        expect((await bad({ type: "bank_transfer", iban: IBAN })).data).toEqual(expect.objectContaining({ code: "INVALID_FIELD", field: "account_holder" }))
        expect((await bad({ type: "stripe_connect", stripe_account_id: "cus_123" })).data).toEqual(expect.objectContaining({ code: "INVALID_STRIPE_ACCOUNT", field: "stripe_account_id" }))
        expect((await bad({ type: "paypal" })).data.code).toBe("INVALID_FIELD")
        expect((await bad({ type: "bank_transfer", account_holder: "X Y", iban: IBAN, swift: "COBADEFF" })).data.code).toBe("UNKNOWN_FIELD")
        expect((await api.get("/merchant/me", owner)).data.merchant.payout_method).toBeNull()
        const set = await api.post("/merchant/me/payout-method", { type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx" }, books)
        expect(set.data.merchant.payout_method).toEqual({ type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban_last4: "3000", iban_country: "DE", account_last4: null, bic: "COBADEFFXXX" })
        expect(await failing(api.post("/merchant/me/payout-method", { type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" }, manager))).toEqual(forbidden)
        // Russia has no IBAN: a 20-digit account whose control digit matches the bank's BIK.
        expect((await bad({ type: "bank_transfer", account_holder: "OOO Ledger", account_number: "40702810900000000001", bic: "044525225" })).data)
          .toEqual(expect.objectContaining({ code: "INVALID_ACCOUNT_NUMBER", field: "account_number" }))
        const ru = await api.post("/merchant/me/payout-method", { type: "bank_transfer", account_holder: "OOO Ledger", account_number: "40702810938000000001", bic: "044525225" }, owner)
        expect(ru.data.merchant.payout_method).toEqual(expect.objectContaining({ account_last4: "0001", bic: "044525225", iban_last4: null }))
        await api.post("/merchant/me/payout-method", { type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban: IBAN, bic: "COBADEFFXXX" }, books)
        // Every role reads /me, so the account is never there in full; payouts get the stored one.
        const seen = (await api.get("/merchant/me", packer)).data.merchant
        expect(JSON.stringify(seen)).not.toContain(IBAN)
        expect(seen.payout_method.iban_last4).toBe("3000")
        const marketplace: any = getContainer().resolve("marketplace")
        expect((await marketplace.retrieveMerchant(merchant.id)).payout_method).toEqual({ type: "bank_transfer", account_holder: "Ledger Shop GmbH", iban: IBAN, bic: "COBADEFFXXX" })
        const pg = getContainer().resolve("__pg_connection__") as any
        const [row] = (await pg.raw(`SELECT "legal_address", "payout_method"::text AS "payout_method" FROM "merchant" WHERE "id" = ?`, [merchant.id])).rows
        expect(row.legal_address).toMatch(/^enc:v1:/)
        expect(`${row.legal_address}${row.payout_method}`).not.toMatch(/Hauptstr|DE89|Ledger Shop/)
        // The home checklist counts both as done.
        const checklist = (await api.get("/merchant/home", owner)).data.checklist
        expect(checklist.filter((c: any) => ["legal_profile", "payout_method"].includes(c.key)).map((c: any) => c.done)).toEqual([true, true])
      })

      it("home checklist: 'stock location and shipping' is done only once its goods can be bought and shipped (issue 22 §1)", async () => {
        const { merchant, owner } = await approvedMerchant(api, admin, "parcel-shop")
        const region = (await api.post("/admin/regions", { name: "Germany", currency_code: "eur", countries: ["de"] }, admin)).data.region
        const goodsStep = async () => (await api.get("/merchant/home", owner)).data.checklist.find((c: any) => c.key === "stock_and_shipping")
        // A new shop with a warehouse but no delivery anywhere.
        expect(await goodsStep()).toEqual({ key: "stock_and_shipping", done: false, detail: expect.objectContaining({ location: true, channels_missing: 0, ships_somewhere: false }) })

        // A mug priced in euros, with stock: still no delivery buyers in Germany can choose.
        const mug = (await api.post("/merchant/products", productBody("Parcel mug"), owner)).data.product
        await api.post(`/merchant/products/${mug.id}/variants/${mug.variants[0].id}/inventory`, { stocked_quantity: 4 }, owner)
        expect((await goodsStep()).detail).toEqual(expect.objectContaining({ regions_without_shipping: [expect.objectContaining({ id: region.id, name: "Germany" })] }))
        // Delivery in Germany from the merchant's warehouse, but for another shipping profile than the mug's: not yet.
        const { profile } = await parcelShipping(api, admin, merchant.id, 5)
        const withOtherProfile = await goodsStep()
        expect(withOtherProfile.done).toBe(false)
        expect(withOtherProfile.detail.regions_without_shipping.length + withOtherProfile.detail.products_without_profile).toBeGreaterThan(0)
        await api.post(`/admin/products/${mug.id}`, { shipping_profile_id: profile.id }, admin)
        expect(await goodsStep()).toEqual({ key: "stock_and_shipping", done: true, detail: {
          location: true, channels_missing: 0, regions_without_shipping: [], products_without_profile: 0, products_without_stock: 0, ships_somewhere: true } })

        // Sold out: a published mug with nothing on the shelf cannot be bought.
        await api.post(`/merchant/products/${mug.id}/variants/${mug.variants[0].id}/inventory`, { stocked_quantity: 0 }, owner)
        expect(await goodsStep()).toEqual(expect.objectContaining({ done: false, detail: expect.objectContaining({ products_without_stock: 1 }) }))
        await api.post(`/merchant/products/${mug.id}/variants/${mug.variants[0].id}/inventory`, { stocked_quantity: 2 }, owner)
        // Priced in dirhams too, where no delivery exists: that region is named.
        const uae = (await api.post("/admin/regions", { name: "UAE", currency_code: "aed", countries: ["ae"] }, admin)).data.region
        await api.post(`/merchant/products/${mug.id}/variants/${mug.variants[0].id}`, { prices: [{ currency_code: "eur", amount: 10 }, { currency_code: "aed", amount: 40 }] }, owner)
        expect((await goodsStep()).detail.regions_without_shipping).toEqual([expect.objectContaining({ id: uae.id, name: "UAE" })])

        // A shop selling only courses ships nothing: the step is not on its list.
        const academy = await approvedMerchant(api, admin, "course-only")
        await api.post("/merchant/products", productBody("Only a course", { kind: "COURSE", status: "draft",
          variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 30 }] }] }), academy.owner)
        expect((await api.get("/merchant/home", academy.owner)).data.checklist.map((c: any) => c.key)).toEqual(["legal_profile", "payout_method", "first_product"])
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

    describe("sellable by construction (issue 16 §4, §5)", () => {
      const b64 = (text: string) => Buffer.from(text).toString("base64")
      const variantPriced = (title: string, prices: [string, number][], extra: Record<string, unknown> = {}) =>
        ({ title, options: { Format: title }, prices: prices.map(([currency_code, amount]) => ({ currency_code, amount })), ...extra })
      const kindBody = (title: string, kind: string, prices: [string, number][], extra: Record<string, unknown> = {}) =>
        ({ title, kind, options: [{ title: "Format", values: ["Default"] }], variants: [variantPriced("Default", prices, kind === "PHYSICAL" ? { stocked_quantity: 5 } : {})], ...extra })

      async function market() {
        const { salesChannelId, storeHeaders } = await storefrontAccess(getContainer())
        const eu = (await api.post("/admin/regions", { name: "Europe", currency_code: "eur", countries: ["de"] }, admin)).data.region
        const ae = (await api.post("/admin/regions", { name: "Emirates", currency_code: "aed", countries: ["ae"] }, admin)).data.region
        const seller = await approvedMerchant(api, admin, "all-kinds")
        return { salesChannelId, store: storeHeaders, eu, ae, seller }
      }

      it("a merchant's product of each kind can be put in a cart in each region it is priced in; unready ones cannot go live", async () => {
        const { store, eu, ae, seller } = await market()
        const both: [string, number][] = [["eur", 20], ["aed", 80]]

        // Prices: every currency of the regions named, or of every region its prices reach.
        const named = await failing(api.post("/merchant/products", kindBody("Vase", "PHYSICAL", [["eur", 20]], { region_ids: [eu.id, ae.id] }), seller.owner))
        expect(named).toEqual({ status: 400, data: expect.objectContaining({ code: "PRICE_MISSING_FOR_REGION", field: "variants.0.prices" }) })
        expect(named.data.message).toContain("AED")
        const uneven = await failing(api.post("/merchant/products", {
          title: "Two sizes", kind: "PHYSICAL", options: [{ title: "Format", values: ["S", "L"] }],
          variants: [variantPriced("S", both), variantPriced("L", [["eur", 30]])],
        }, seller.owner))
        expect(uneven).toEqual({ status: 400, data: expect.objectContaining({ code: "PRICE_MISSING_FOR_REGION", field: "variants.1.prices" }) })
        expect(uneven.data.message).toMatch(/'L' has no price in AED, the currency of the region Emirates/)
        expect((await failing(api.post("/merchant/products", kindBody("Yen vase", "PHYSICAL", [["jpy", 2000]]), seller.owner))).data.code).toBe("PRICE_MISSING_FOR_REGION")

        const physical = (await api.post("/merchant/products", kindBody("Vase", "PHYSICAL", both), seller.owner)).data.product
        expect(physical).toEqual(expect.objectContaining({ status: "published", sellable: { ok: true } }))
        const appointment = (await api.post("/merchant/products", kindBody("Home visit", "SERVICE", both, { booking_mode: "by_appointment" }), seller.owner)).data.product
        expect(appointment).toEqual(expect.objectContaining({ status: "published", booking_mode: "by_appointment" }))

        // A slots service goes live only with a schedule; a course only with lessons. Drafts are fine.
        const liveSlots = await failing(api.post("/merchant/products", kindBody("Massage", "SERVICE", both, { booking_mode: "slots", status: "published" }), seller.owner))
        expect(liveSlots).toEqual({ status: 422, data: expect.objectContaining({ code: "PRODUCT_NOT_SELLABLE", field: "status" }) })
        expect(liveSlots.data.message).toContain("has no schedule")
        const slots = (await api.post("/merchant/products", kindBody("Massage", "SERVICE", both, { booking_mode: "slots" }), seller.owner)).data.product
        expect(slots).toEqual(expect.objectContaining({ status: "draft", sellable: expect.objectContaining({ ok: false, reason_code: "SERVICE_WITHOUT_SCHEDULE" }) }))
        expect((await failing(api.post(`/merchant/products/${slots.id}`, { status: "published" }, seller.owner))).data.code).toBe("PRODUCT_NOT_SELLABLE")
        await api.post("/merchant/schedules", { product_id: slots.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
          slot_minutes: 60, capacity: 2, horizon_days: 30, min_notice_minutes: 0 }, seller.owner)
        expect((await api.post(`/merchant/products/${slots.id}`, { status: "published" }, seller.owner)).data.product.status).toBe("published")

        const course = (await api.post("/merchant/products", kindBody("Clay basics", "COURSE", both), seller.owner)).data.product
        expect(course).toEqual(expect.objectContaining({ status: "draft", sellable: expect.objectContaining({ ok: false, reason_code: "COURSE_WITHOUT_LESSONS" }) }))
        const early = await failing(api.post(`/merchant/products/${course.id}`, { status: "published" }, seller.owner))
        expect(early).toEqual({ status: 422, data: expect.objectContaining({ code: "PRODUCT_NOT_SELLABLE" }) })
        await api.post(`/merchant/courses/${course.id}/lessons`, { kind: "file", title: "Wedging", filename: "wedging.txt", mime_type: "text/plain", content_base64: b64("Knead it.\n") }, seller.owner)
        expect((await api.post(`/merchant/products/${course.id}`, { status: "published" }, seller.owner)).data.product.status).toBe("published")

        // The journey that failed: a buyer puts each kind in a cart, in each region.
        for (const region of [eu, ae]) {
          const cart = (await api.post("/store/carts", { region_id: region.id, email: `buyer-${region.currency_code}@test.local` }, store)).data.cart
          const slotList = (await api.get(`/store/products/${slots.id}/slots`, store)).data.slots
          const adds = [
            { variant_id: physical.variants[0].id, quantity: 2 },
            { variant_id: appointment.variants[0].id, quantity: 1 },
            { variant_id: slots.variants[0].id, quantity: 1, metadata: { slot_start: slotList[0].start_at } },
            { variant_id: course.variants[0].id, quantity: 1 },
          ]
          for (const item of adds) {
            const res = await api.post(`/store/carts/${cart.id}/line-items`, item, store)
            expect(res.status).toBe(200)
          }
          const items = (await api.get(`/store/carts/${cart.id}`, store)).data.cart.items
          // 2 × 20 + 20 + 20 + 20 in EUR; 2 × 80 + 80 + 80 + 80 in AED.
          const unit = region.currency_code === "eur" ? 20 : 80
          expect(items.reduce((sum: number, i: any) => sum + Number(i.unit_price) * Number(i.quantity), 0)).toBe(5 * unit)
        }
      })

      // Issue 22 §2: the dashboard's product editor and its publishing checks.
      it("edits a product (search, pictures, options, variants, prices, stock, translations) and refuses to publish it unready, with a reason", async () => {
        const { store, eu, ae, seller } = await market()
        const both: [string, number][] = [["eur", 20], ["aed", 80]]
        const emptyShelf = await failing(api.post("/merchant/products", { ...kindBody("Clay vase", "PHYSICAL", both), status: "published",
          variants: [variantPriced("Default", both, { stocked_quantity: 0 })] }, seller.owner))
        expect(emptyShelf).toEqual({ status: 422, data: expect.objectContaining({ code: "PRODUCT_NOT_SELLABLE", reason_code: "NO_STOCK" }) })
        const draft = (await api.post("/merchant/products", { ...kindBody("Clay vase", "PHYSICAL", both), status: "draft",
          variants: [variantPriced("Default", both, { stocked_quantity: 0 })] }, seller.owner)).data.product
        expect(draft.readiness).toEqual({ ready: false, problems: [{ reason_code: "NO_STOCK" }] })
        const noStock = await failing(api.post(`/merchant/products/${draft.id}`, { status: "published" }, seller.owner))
        expect(noStock).toEqual({ status: 422, data: expect.objectContaining({ code: "PRODUCT_NOT_SELLABLE", reason_code: "NO_STOCK", field: "status" }) })

        // Options and variants: a second option, then a variant priced where its sibling sells, with stock.
        const withSize = (await api.post(`/merchant/products/${draft.id}/options`, { title: "Size", values: ["S", "L"] }, seller.owner))
        expect(withSize.status).toBe(201)
        expect(withSize.data.product.options.map((o: any) => [o.title, o.values.map((v: any) => v.value).sort()])).toEqual(
          expect.arrayContaining([["Format", ["Default"]], ["Size", ["L", "S"]]]))
        const euroOnly = await failing(api.post(`/merchant/products/${draft.id}/variants`, { title: "Large", options: { Format: "Default", Size: "L" },
          prices: [{ currency_code: "eur", amount: 30 }], stocked_quantity: 3 }, seller.owner))
        expect(euroOnly).toEqual({ status: 400, data: expect.objectContaining({ code: "PRICE_MISSING_FOR_REGION" }) })
        const large = (await api.post(`/merchant/products/${draft.id}/variants`, { title: "Large", options: { Format: "Default", Size: "L" },
          prices: [{ currency_code: "eur", amount: 30 }, { currency_code: "aed", amount: 120 }], stocked_quantity: 3 }, seller.owner)).data.product
        expect(large.variants.map((v: any) => [v.title, v.stocked_quantity]).sort()).toEqual([["Default", 0], ["Large", 3]])
        expect(large.readiness).toEqual({ ready: true, problems: [] })

        // A picture through Medusa's file module, then the gallery; translations for RU and AR.
        const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
        const badType = await failing(api.post("/merchant/uploads", { files: [{ filename: "x.svg", mime_type: "image/svg+xml", content_base64: png }] }, seller.owner))
        expect(badType.status).toBe(400)
        const [file] = (await api.post("/merchant/uploads", { files: [{ filename: "vase.png", mime_type: "image/png", content_base64: png }] }, seller.owner)).data.files
        expect(file.url).toMatch(/^https?:\/\/.+vase\.png$/)
        const edited = (await api.post(`/merchant/products/${draft.id}`, {
          description: "Thrown by hand", images: [{ url: file.url }],
          translations: { ru: { title: "Глиняная ваза", description: "Сделана руками" }, ar: { title: "مزهرية طينية" } },
        }, seller.owner)).data.product
        expect(edited.images.map((i: any) => i.url)).toEqual([file.url])
        expect(edited.thumbnail).toBe(file.url)
        expect(edited.translations).toEqual({ ru: { title: "Глиняная ваза", description: "Сделана руками" }, ar: { title: "مزهرية طينية" } })
        // An empty text removes one translation; the other language stays.
        expect((await api.post(`/merchant/products/${draft.id}`, { translations: { ar: { title: "" } } }, seller.owner)).data.product.translations)
          .toEqual({ ru: { title: "Глиняная ваза", description: "Сделана руками" } })

        // A price gap where the product sells refuses publishing with PRICE_MISSING_FOR_REGION.
        const mug = (await api.post("/merchant/products", { ...kindBody("Euro mug", "PHYSICAL", [["eur", 9]]), status: "draft",
          options: [{ title: "Format", values: ["Default", "Gift box"] }] }, seller.owner)).data.product
        await api.post(`/merchant/products/${mug.id}/variants`, { title: "Gift box", options: { Format: "Gift box" }, prices: [{ currency_code: "eur", amount: 15 },
          { currency_code: "aed", amount: 60 }], stocked_quantity: 1 }, seller.owner)
        const gap = await failing(api.post(`/merchant/products/${mug.id}`, { status: "published" }, seller.owner))
        expect(gap).toEqual({ status: 422, data: expect.objectContaining({ code: "PRICE_MISSING_FOR_REGION", reason_code: "VARIANT_NOT_PRICED" }) })
        expect(gap.data.message).toMatch(/'Default' of 'Euro mug' has no price in AED, the currency of the region Emirates/)

        // Bulk: the ready vase goes live, the course without lessons and the mug are refused with their reasons.
        const course = (await api.post("/merchant/products", kindBody("Clay basics", "COURSE", both), seller.owner)).data.product
        const bulk = (await api.post("/merchant/catalog/status", { product_ids: [draft.id, course.id, mug.id], status: "published" }, seller.owner)).data
        expect(bulk.updated).toEqual([draft.id])
        expect(bulk.refused.map((r: any) => [r.id, r.code, r.reason_code])).toEqual([
          [course.id, "PRODUCT_NOT_SELLABLE", "COURSE_WITHOUT_LESSONS"], [mug.id, "PRICE_MISSING_FOR_REGION", "VARIANT_NOT_PRICED"],
        ])

        // Search and filters of the list.
        const list = async (q: string) => (await api.get(`/merchant/products?${q}`, seller.owner)).data
        expect((await list("q=CLAY")).products.map((p: any) => p.title).sort()).toEqual(["Clay basics", "Clay vase"])
        expect((await list("status=published")).products.map((p: any) => p.title)).toEqual(["Clay vase"])
        expect((await list("kind=COURSE&status=draft")).products.map((p: any) => [p.title, p.readiness.problems[0].reason_code])).toEqual([["Clay basics", "COURSE_WITHOUT_LESSONS"]])
        expect((await list("q=clay&limit=1")).count).toBe(2)
        expect((await failing(api.get("/merchant/products?status=gone", seller.owner))).data.code).toBe("INVALID_FIELD")

        // What buyers get: the translations on the store product, and the large vase in a cart in both regions.
        const stored = (await api.get(`/store/products/${draft.id}?fields=+metadata`, store)).data.product
        expect(stored.metadata.translations.ru.title).toBe("Глиняная ваза")
        for (const region of [eu, ae]) {
          const cart = (await api.post("/store/carts", { region_id: region.id }, store)).data.cart
          const item = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: large.variants.find((v: any) => v.title === "Large").id, quantity: 1 }, store)).data.cart.items[0]
          expect(Number(item.unit_price)).toBe(region.currency_code === "eur" ? 30 : 120)
        }
        // Unpublishing in bulk always goes through.
        expect((await api.post("/merchant/catalog/status", { product_ids: [draft.id], status: "draft" }, seller.owner)).data).toEqual({ status: "draft", updated: [draft.id], refused: [] })
      })

      // Issue 22 §3: the schedule editor paints hours; the server writes the RFC 5545 rule.
      it("builds a service's rule from the weekly grid, previews its next slots and rebuilds it when the slot length changes", async () => {
        const { store, seller } = await market()
        const massage = (await api.post("/merchant/products", kindBody("Massage", "SERVICE", [["eur", 50], ["aed", 200]], { booking_mode: "slots" }), seller.owner)).data.product
        const grid = [{ day: "MO", start: "09:00", end: "12:00" }, { day: "WE", start: "14:00", end: "16:00" }]
        // Mon 09:00 + 10:15 (60 min + 15 buffer), Wed 14:00; candidates per day 9:00 9:15 10:00 10:15 14:00 14:15 → 1, 4, 6 + 5 = 11.
        const expected = "FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;BYHOUR=9,10,14;BYMINUTE=0,15;BYSETPOS=1,4,11"
        const preview = (await api.post("/merchant/catalog/schedule-preview", { timezone: "Asia/Dubai", weekly_hours: grid, slot_minutes: 60, buffer_minutes: 15,
          min_notice_minutes: 0, count: 6 }, seller.owner)).data
        expect(preview.rrule).toBe(expected)
        expect(preview.slots).toHaveLength(6)
        // Dubai is UTC+4 all year: 09:00, 10:15 and 14:00 local are 05:00, 06:15 and 10:00 UTC.
        expect([...new Set(preview.slots.map((s: any) => s.start_at.slice(11, 16)))].sort()).toEqual(["05:00", "06:15", "10:00"])
        const overlap = await failing(api.post("/merchant/catalog/schedule-preview", { timezone: "Asia/Dubai", weekly_hours: [...grid, { day: "MO", start: "11:00", end: "13:00" }],
          slot_minutes: 60 }, seller.owner))
        expect(overlap).toEqual({ status: 400, data: expect.objectContaining({ code: "INVALID_SCHEDULE" }) })

        const schedule = (await api.post("/merchant/schedules", { product_id: massage.id, timezone: "Asia/Dubai", weekly_hours: grid, slot_minutes: 60, buffer_minutes: 15,
          min_notice_minutes: 0, capacity: 3, free_cancel_hours: 48, cancel_fee_bps: 2500 }, seller.owner)).data.schedule
        expect(schedule).toEqual(expect.objectContaining({ rrule: expected, window_minutes: null, weekly_hours: grid, capacity: 3 }))
        expect((await failing(api.post("/merchant/schedules", { product_id: massage.id, timezone: "Asia/Dubai", slot_minutes: 60 }, seller.owner))).data.code).toBe("INVALID_FIELD")
        expect((await api.post(`/merchant/products/${massage.id}`, { status: "published" }, seller.owner)).data.product.status).toBe("published")
        const slots = (await api.get(`/store/products/${massage.id}/slots`, store)).data.slots
        expect(slots.slice(0, 6).map((s: any) => s.start_at)).toEqual(preview.slots.map((s: any) => s.start_at))

        // 30-minute slots without buffer: Mon 9:00…11:30, Wed 14:00…15:30, the rule rebuilt from the saved grid.
        const shorter = (await api.post(`/merchant/schedules/${schedule.id}`, { slot_minutes: 30, buffer_minutes: 0 }, seller.owner)).data.schedule
        expect(shorter.rrule).toBe("FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;BYHOUR=9,10,11,14,15;BYMINUTE=0,30;BYSETPOS=1,2,3,4,5,6,17,18,19,20")
        expect((await api.get(`/store/products/${massage.id}/slots`, store)).data.slots.length).toBeGreaterThan(slots.length)
      })

      it("lists only what the buyer's region can buy, says why on the page, and tells clients how a service is booked", async () => {
        const { salesChannelId, store, eu, ae, seller } = await market()
        const euOnly = (await api.post("/merchant/products", kindBody("Euro mug", "PHYSICAL", [["eur", 12]]), seller.owner)).data.product
        const massage = (await api.post("/merchant/products", kindBody("Massage", "SERVICE", [["eur", 50], ["aed", 200]], { booking_mode: "slots" }), seller.owner)).data.product
        await api.post("/merchant/schedules", { product_id: massage.id, timezone: "Asia/Dubai", rrule: "FREQ=DAILY;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
          slot_minutes: 60, capacity: 2, horizon_days: 30, min_notice_minutes: 0 }, seller.owner)
        await api.post(`/merchant/products/${massage.id}`, { status: "published" }, seller.owner)
        const visit = (await api.post("/merchant/products", kindBody("Home visit", "SERVICE", [["eur", 50], ["aed", 200]], { booking_mode: "by_appointment" }), seller.owner)).data.product
        // A platform admin can still publish a course without lessons (the admin API is not the merchant's).
        const bare = await adminProduct(api, admin, { title: "Bare course", amount: 10, salesChannelId, merchantId: seller.merchant.id, kind: "COURSE" })

        const titles = async (regionId?: string) =>
          (await api.get(`/store/products${regionId ? `?region_id=${regionId}` : ""}`, store)).data.products.map((p: any) => p.title).sort()
        // With a region the listing is read off the search projection, which follows changes within a
        // couple of seconds (event-driven indexing): wait for the last product to arrive.
        expect(await waitFor(() => titles(eu.id), (t) => t.length >= 3)).toEqual(["Euro mug", "Home visit", "Massage"])
        expect(await titles(ae.id)).toEqual(["Home visit", "Massage"])
        expect(await titles()).toEqual(["Bare course", "Euro mug", "Home visit", "Massage"])
        const count = (await api.get(`/store/products?region_id=${ae.id}&limit=1`, store)).data.count
        expect(count).toBe(2)

        const page = async (id: string, regionId: string) => (await api.get(`/store/products/${id}?region_id=${regionId}`, store)).data.product
        expect((await page(euOnly.id, eu.id)).sellable).toEqual({ ok: true })
        expect((await page(euOnly.id, ae.id)).sellable).toEqual({ ok: false, reason_code: "NOT_PRICED_IN_REGION", reason: expect.stringContaining("no price in AED") })
        expect((await page(bare.id, eu.id)).sellable).toEqual(expect.objectContaining({ ok: false, reason_code: "COURSE_WITHOUT_LESSONS" }))

        const massagePage = await page(massage.id, ae.id)
        expect(massagePage.variants[0].booking).toEqual({
          mode: "slots", requires_slot: true, slots_url: `/store/products/${massage.id}/slots`, time_zone: "Asia/Dubai", capacity: 2, slot_minutes: 60,
        })
        expect((await page(visit.id, ae.id)).variants[0].booking).toEqual(expect.objectContaining({ mode: "by_appointment", requires_slot: false, slots_url: null }))
        expect((await page(euOnly.id, eu.id)).variants[0].booking).toBeNull()
        const listed = (await api.get(`/store/products?region_id=${ae.id}`, store)).data.products.find((p: any) => p.id === massage.id)
        expect(listed.variants[0].booking).toEqual(expect.objectContaining({ mode: "slots", slots_url: `/store/products/${massage.id}/slots` }))

        // A stock-tracked product no location of the channel holds answers a clear 422, not Medusa's ids.
        const stray = (await api.post("/admin/products", {
          title: "Stray lamp", status: "published", options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] }],
          sales_channels: [{ id: salesChannelId }],
        }, admin)).data.product
        // Its inventory item has no level at any location of the storefront's channel.
        const cart = (await api.post("/store/carts", { region_id: eu.id }, store)).data.cart
        const refused = await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: stray.variants[0].id, quantity: 1 }, store))
        expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "NOT_STOCKED_FOR_CHANNEL" }) })
        expect(refused.data.message).not.toMatch(/sc_|variant_/)
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
