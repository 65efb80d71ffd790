import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import auditVerifyScript from "../../src/scripts/audit-verify"
import jwt from "jsonwebtoken"
import { adminHeaders, failing, storefrontAccess } from "../helpers/admin"
import { applyAsMerchant, approvedMerchant, bearer, productBody } from "../helpers/merchants"

jest.setTimeout(300 * 1000)

/*
 * Issue 20 §3 (sessions), §2 of the brief (passwords, e-mail verification) and §7 (audit trail):
 * one file so Medusa boots once. Everything goes through HTTP as js-sdk, the admin or an attacker would.
 */
const ua = (name: string) => ({ headers: { "user-agent": name } })
const status = async (p: Promise<unknown>) => {
  const r = await failing(p)
  return `${r.status} ${r.data.code}`
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    /** Every event emitted from now on (the in-memory bus; workflows' grouped events included). */
    function captureEvents() {
      const bus: any = getContainer().resolve(Modules.EVENT_BUS)
      const seen: { name: string; data: any }[] = []
      const original = bus.emit.bind(bus)
      jest.spyOn(bus, "emit").mockImplementation(async (msgs: any, opts: any) => {
        for (const m of [msgs].flat()) seen.push({ name: m.name ?? m.eventName, data: m.data })
        return original(msgs, opts)
      })
      return (name: string) => seen.filter((e) => e.name === name).map((e) => e.data)
    }
    afterEach(() => jest.restoreAllMocks())

    async function customer(email: string, password = "grey-snail-rides-9") {
      const { storeHeaders } = await storefrontAccess(getContainer())
      const reg = await api.post("/auth/customer/emailpass/register", { email, password }, ua("Registration"))
      await api.post("/store/customers", { email }, { headers: { ...storeHeaders.headers, authorization: `Bearer ${reg.data.token}` } })
      const signIn = async (device: string) => (await api.post("/auth/customer/emailpass", { email, password }, ua(device))).data
      const as = (token: string) => ({ headers: { ...storeHeaders.headers, authorization: `Bearer ${token}` } })
      return { storeHeaders, signIn, as }
    }

    describe("sessions", () => {
      it("signs in, refreshes, and a reused refresh token signs the person out everywhere", async () => {
        const { signIn, as } = await customer("snail@sessions.test")
        const laptop = await signIn("Laptop Firefox")
        const phone = await signIn("Phone Safari")

        // Short-lived access token carrying its session; an opaque refresh token beside it.
        const claims: any = jwt.decode(laptop.token)
        expect(claims.exp - claims.iat).toBe(15 * 60)
        expect(claims.sid).toBe(laptop.session_id)
        expect(laptop.refresh_token).toMatch(/^rt_[A-Za-z0-9_-]{43}$/)
        expect(laptop.expires_in).toBe(900)
        expect((await api.get("/store/customers/me", as(laptop.token))).data.customer.email).toBe("snail@sessions.test")

        // Rotation: a new pair; the old refresh token is spent.
        const r1 = (await api.post("/auth/token/refresh", { refresh_token: laptop.refresh_token })).data
        expect(r1.session_id).toBe(laptop.session_id)
        expect(r1.refresh_token).not.toBe(laptop.refresh_token)
        expect((jwt.decode(r1.token) as any).sid).toBe(laptop.session_id)
        expect((await api.get("/store/customers/me", as(r1.token))).data.customer.email).toBe("snail@sessions.test")
        const r2 = (await api.post("/auth/token/refresh", { refresh_token: r1.refresh_token })).data

        // The first (spent) refresh token comes back: a thief or a replay. Everything of this person ends.
        expect(await status(api.post("/auth/token/refresh", { refresh_token: laptop.refresh_token }))).toBe("401 REFRESH_TOKEN_REUSED")
        for (const token of [laptop.token, r1.token, r2.token, phone.token]) {
          const me = await failing(api.get("/store/customers/me", as(token)))
          expect(me.status).toBe(401)
        }
        // /store lets guests in: the dead token is dropped and the answer says why.
        const { storeHeaders } = await storefrontAccess(getContainer())
        const guest = await api.get("/store/regions", { headers: { ...storeHeaders.headers, authorization: `Bearer ${phone.token}` } })
        expect(guest.headers["x-session-state"]).toBe("SESSION_REVOKED")
        expect(await status(api.post("/auth/token/refresh", { refresh_token: r2.refresh_token }))).toBe("401 SESSION_REVOKED")
        expect(await status(api.post("/auth/token/refresh", { refresh_token: phone.refresh_token }))).toBe("401 SESSION_REVOKED")

        // Signing in again works (the old token in the header does not block it).
        const again = (await api.post("/auth/customer/emailpass", { email: "snail@sessions.test", password: "grey-snail-rides-9" },
          { headers: { authorization: `Bearer ${laptop.token}` } })).data
        expect((await api.get("/store/customers/me", as(again.token))).status).toBe(200)
      })

      it("refuses Medusa's bare-token refresh, unknown refresh tokens and tokens without a session", async () => {
        const { signIn } = await customer("bare@sessions.test")
        const s = await signIn("curl")
        const bare = await failing(api.post("/auth/token/refresh", {}, bearer(s.token)))
        expect([bare.status, bare.data.code, bare.data.field]).toEqual([400, "REFRESH_TOKEN_REQUIRED", "refresh_token"])
        expect(await status(api.post("/auth/token/refresh", { refresh_token: "rt_" + "A".repeat(43) }))).toBe("401 INVALID_REFRESH_TOKEN")

        // A JWT signed with the right secret but outside a session (what Medusa alone would issue).
        const admin = await adminHeaders(getContainer(), api)
        const adminClaims: any = jwt.decode(admin.headers.authorization.slice(7))
        const { http } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        const { sid, iat, exp, ...rest } = adminClaims
        const sessionless = jwt.sign(rest, http.jwtSecret!, { expiresIn: 600 })
        expect(await status(api.get("/admin/users/me", bearer(sessionless)))).toBe("401 SESSION_REQUIRED")
        expect((await api.get("/admin/users/me", admin)).status).toBe(200)
      })

      it("lists the person's sessions and revokes one, the current one or all; a revoked token stops at once", async () => {
        const { signIn, as } = await customer("list@sessions.test")
        const a = await signIn("Laptop Firefox")
        const b = await signIn("Phone Safari")
        const c = await signIn("Tablet Chrome")
        const other = await (await customer("other@sessions.test")).signIn("Other")

        const listed = (await api.get("/store/customers/me/sessions", as(a.token))).data.sessions
        expect(listed.map((s: any) => [s.user_agent, s.current]).sort()).toEqual(
          [["Laptop Firefox", true], ["Phone Safari", false], ["Registration", false], ["Tablet Chrome", false]]
        )
        expect(listed.every((s: any) => s.ip && s.created_at && s.last_used_at && s.expires_at)).toBe(true)

        // Another person's session id is not yours: 404, and it keeps working.
        expect(await status(api.delete(`/store/customers/me/sessions/${other.session_id}`, as(a.token)))).toBe("404 SESSION_NOT_FOUND")
        expect((await api.get("/store/customers/me", as(other.token))).status).toBe(200)

        await api.delete(`/store/customers/me/sessions/${b.session_id}`, as(a.token))
        expect((await failing(api.get("/store/customers/me", as(b.token)))).status).toBe(401)
        expect(await status(api.post("/auth/token/refresh", { refresh_token: b.refresh_token }))).toBe("401 SESSION_REVOKED")

        // Logout: the current session.
        await api.delete("/store/customers/me/sessions/current", as(c.token))
        expect((await failing(api.get("/store/customers/me", as(c.token)))).status).toBe(401)

        // Sign out everywhere, keeping this device; then everywhere.
        const d = await signIn("Desktop Edge")
        const kept = (await api.delete("/store/customers/me/sessions?keep_current=true", as(a.token))).data
        expect(kept.ids.sort()).toEqual([d.session_id, listed.find((s: any) => s.user_agent === "Registration").id].sort())
        expect((await api.get("/store/customers/me", as(a.token))).status).toBe(200)
        expect((await api.delete("/store/customers/me/sessions", as(a.token))).data.ids).toEqual([a.session_id])
        expect((await failing(api.get("/store/customers/me", as(a.token)))).status).toBe(401)
        expect((await api.get("/store/customers/me", as(other.token))).status).toBe(200)
      })

      it("merchant staff and admins: own session lists; an admin cookie session dies with its session", async () => {
        const admin = await adminHeaders(getContainer(), api)
        const shop = await approvedMerchant(api, admin, "session-shop")
        const mine = (await api.get("/merchant/me/sessions", shop.owner)).data.sessions
        // The registration session and the sign-in.
        expect(mine).toHaveLength(2)
        expect(mine.filter((s: any) => s.current)).toHaveLength(1)
        await api.delete("/merchant/me/sessions/current", shop.owner)
        expect(await status(api.get("/merchant/me", shop.owner))).toBe("401 SESSION_REVOKED")

        // The admin dashboard's way: bearer → POST /auth/session → cookie.
        const login = (await api.post("/auth/user/emailpass", { email: "admin@test.local", password: "s3cret-pass" }, ua("Dashboard"))).data
        const created = await api.post("/auth/session", {}, bearer(login.token))
        const cookie = String(created.headers["set-cookie"]).split(";")[0]
        const withCookie = { headers: { cookie } }
        expect((await api.get("/admin/users/me", withCookie)).data.user.email).toBe("admin@test.local")
        const sessions = (await api.get("/admin/users/me/sessions", withCookie)).data.sessions
        expect(sessions.find((s: any) => s.current).user_agent).toBe("Dashboard")
        // Signed out everywhere from another device: the cookie stops working at once.
        await api.delete("/admin/users/me/sessions", admin)
        expect(await status(api.get("/admin/users/me", withCookie))).toBe("401 SESSION_REVOKED")
        expect(await status(api.get("/admin/users/me", admin))).toBe("401 SESSION_REVOKED")

        // Medusa's own sign-out (DELETE /auth/session) revokes the session behind the cookie.
        const login2 = (await api.post("/auth/user/emailpass", { email: "admin@test.local", password: "s3cret-pass" })).data
        const cookie2 = String((await api.post("/auth/session", {}, bearer(login2.token))).headers["set-cookie"]).split(";")[0]
        await api.delete("/auth/session", { headers: { cookie: cookie2 } })
        expect(await status(api.get("/admin/users/me", bearer(login2.token)))).toBe("401 SESSION_REVOKED")
      })
    })

    describe("passwords and e-mail verification", () => {
      it("refuses weak passwords on every route that sets one; a reset token works once and signs out everywhere", async () => {
        const weak = async (actor: string, password: string) => {
          const r = await failing(api.post(`/auth/${actor}/emailpass/register`, { email: `weak-${actor}@pw.test`, password }))
          return [r.status, r.data.code, r.data.field, r.data.message]
        }
        expect(await weak("customer", "1")).toEqual([400, "WEAK_PASSWORD", "password", "Use at least 8 characters."])
        expect((await weak("customer", "password123"))[3]).toMatch(/most common/)
        expect((await weak("customer", "Dragon2024!"))[1]).toBe("WEAK_PASSWORD") // "dragon" + digits and a symbol
        expect((await weak("merchant", "qwertyuiop"))[1]).toBe("WEAK_PASSWORD")
        expect((await weak("user", "iloveyou"))[1]).toBe("WEAK_PASSWORD")
        expect((await weak("customer", "aaaaaaaaaaaa"))[1]).toBe("WEAK_PASSWORD")
        expect((await weak("customer", "x".repeat(129)))[3]).toBe("Use at most 128 characters.")
        expect((await weak("customer", "Weak-Customer@pw.test"))[3]).toMatch(/e-mail/)

        const events = captureEvents()
        const email = "reset@pw.test"
        const { signIn, as } = await customer(email, "first-snail-pass-1")
        const before = await signIn("Laptop")
        expect((await api.post("/auth/customer/emailpass/reset-password", { identifier: email })).status).toBe(201)
        const [{ token: resetToken }] = events("auth.password_reset")
        const reset = (password: string) => api.post("/auth/customer/emailpass/update", { password }, bearer(resetToken))

        // A weak new password is refused before the single-use token is spent.
        expect(await status(reset("12345678"))).toBe("400 WEAK_PASSWORD")
        expect((await reset("second-snail-pass-2")).data).toEqual({ success: true })
        expect((await failing(reset("third-snail-pass-3"))).status).toBe(401) // used once already
        // Whoever had the old password is signed out everywhere; only the new one signs in.
        expect((await failing(api.get("/store/customers/me", as(before.token)))).status).toBe(401)
        expect(await status(api.post("/auth/token/refresh", { refresh_token: before.refresh_token }))).toBe("401 SESSION_REVOKED")
        expect((await failing(api.post("/auth/customer/emailpass", { email, password: "first-snail-pass-1" }))).status).toBe(401)
        expect((await api.post("/auth/customer/emailpass", { email, password: "second-snail-pass-2" })).data.token).toBeTruthy()
      })

      it("verifies customer and merchant e-mail with single-use tokens from auth.email_verification_requested", async () => {
        const events = captureEvents()
        const { signIn, as } = await customer("verify@ev.test")
        const [requested] = events("auth.email_verification_requested")
        expect(requested).toEqual({ actor_type: "customer", email: "verify@ev.test", token: expect.stringMatching(/^ev_/) })
        const me = as((await signIn("Laptop")).token)
        expect((await api.get("/store/customers/me/email-verification", me)).data).toEqual({ email: "verify@ev.test", email_verified: false, verified_at: null })

        expect(await status(api.post("/auth/verify-email", { token: "ev_" + "B".repeat(43) }))).toBe("400 EMAIL_VERIFICATION_INVALID")
        expect((await api.post("/auth/verify-email", { token: requested.token })).data).toEqual({ email: "verify@ev.test", actor_type: "customer", email_verified: true })
        expect(await status(api.post("/auth/verify-email", { token: requested.token }))).toBe("400 EMAIL_VERIFICATION_INVALID")
        expect((await api.get("/store/customers/me/email-verification", me)).data.email_verified).toBe(true)
        expect(await status(api.post("/store/customers/me/email-verification", {}, me))).toBe("409 EMAIL_ALREADY_VERIFIED")
        expect(events("auth.email_verified")).toEqual([expect.objectContaining({ actor_type: "customer", email: "verify@ev.test" })])

        // A merchant still under review verifies too; asking again makes the first link worthless.
        const shop = await applyAsMerchant(api, "verified-pottery")
        const [first] = events("auth.email_verification_requested").filter((e) => e.actor_type === "merchant")
        expect(first.email).toBe(shop.email)
        expect((await api.get("/merchant/me/email-verification", shop.owner)).data.email_verified).toBe(false)
        expect((await api.post("/merchant/me/email-verification", {}, shop.owner)).status).toBe(202)
        const second = events("auth.email_verification_requested").filter((e) => e.actor_type === "merchant")[1]
        expect(await status(api.post("/auth/verify-email", { token: first.token }))).toBe("400 EMAIL_VERIFICATION_INVALID")
        await api.post("/auth/verify-email", { token: second.token })
        expect((await api.get("/merchant/me/email-verification", shop.owner)).data.email_verified).toBe(true)
      })
    })

    describe("audit trail", () => {
      it("chains admin and merchant changes, refuses UPDATE and DELETE, and audit:verify finds edited and deleted rows", async () => {
        const admin = await adminHeaders(getContainer(), api)
        const shop = await approvedMerchant(api, admin, "audited-shop")
        await api.post("/merchant/products", productBody("Audited Mug"), shop.owner)
        await api.post(`/admin/merchants/${shop.merchant.id}/suspend`, { reason: "chargebacks" }, { headers: { ...admin.headers, "x-request-id": "req-audit-1" } })

        const approve = (await api.get("/admin/audit?action=merchant.approve", admin)).data.entries
        expect(approve).toEqual([expect.objectContaining({
          actor_type: "user", target_type: "merchant", target_id: shop.merchant.id,
          before: { kyc_status: "PENDING", kyc_reason: null }, after: expect.objectContaining({ kyc_status: "APPROVED" }),
        })])
        expect(approve[0].actor_id).toMatch(/^user_/)
        expect(approve[0].ip).toBeTruthy()
        const suspend = (await api.get(`/admin/audit?target_id=${shop.merchant.id}&action=merchant.suspend`, admin)).data.entries[0]
        expect([suspend.before.kyc_status, suspend.after.kyc_status, suspend.after.kyc_reason, suspend.request_id]).toEqual(["APPROVED", "SUSPENDED", "chargebacks", "req-audit-1"])
        // Products are written with before → after (src/api/audit/changes.ts), not as the route's body.
        const product = (await api.get("/admin/audit?action=product.create", admin)).data.entries[0]
        expect([product.actor_type, product.after.merchant_id, product.before, product.after.title]).toEqual(["merchant", shop.merchant.id, null, "Audited Mug"])
        // No password ever lands in the trail (the merchant registration is not an admin/merchant change either).
        const all = (await api.get("/admin/audit?limit=200", admin)).data
        expect(JSON.stringify(all)).not.toMatch(/merchant-pass-123/)
        expect(all.entries.map((e: any) => e.seq)).toEqual([...Array(all.count)].map((_, i) => all.count - i))

        const ok = (await api.get("/admin/audit/verify", admin)).data
        expect([ok.ok, ok.rows, ok.problems]).toEqual([true, all.count, []])

        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
        await expect(pg.raw(`UPDATE "audit_entry" SET "action" = 'nothing' WHERE "seq" = 1`)).rejects.toThrow(/append-only/)
        await expect(pg.raw(`DELETE FROM "audit_entry" WHERE "seq" = 1`)).rejects.toThrow(/append-only/)

        // Someone with DDL rights goes round the trigger: the chain tells.
        const bypass = (sql: string) => pg.transaction(async (trx: any) => {
          await trx.raw(`SET LOCAL session_replication_role = replica`)
          await trx.raw(sql)
        })
        await bypass(`UPDATE "audit_entry" SET "after_json" = '{"kyc_status":"APPROVED"}' WHERE "seq" = ${suspend.seq}`)
        await bypass(`DELETE FROM "audit_entry" WHERE "seq" = 2`)
        const broken = (await api.get("/admin/audit/verify", admin)).data
        expect(broken.ok).toBe(false)
        expect(broken.problems).toEqual(expect.arrayContaining([
          { seq: 3, problem: "MISSING_BEFORE" }, { seq: 3, problem: "BROKEN_LINK" }, { seq: suspend.seq, problem: "EDITED" },
        ]))
        await expect(auditVerifyScript({ container: getContainer() } as any)).rejects.toThrow(/audit:verify found/)
      })
    })

    describe("GDPR", () => {
      it("exports a customer's data, erases it when an operator completes the request; the order keeps its copy", async () => {
        const email = "gdpr@privacy.test"
        const { signIn, as } = await customer(email)
        const session = await signIn("Laptop")
        const me = as(session.token)
        await api.post("/store/customers/me", { first_name: "Greta", last_name: "Privat", phone: "+49301234567" }, me)
        await api.post("/store/customers/me/addresses", { first_name: "Greta", last_name: "Privat", address_1: "Geheimweg 1", city: "Berlin", country_code: "de" }, me)
        const customerId = (await api.get("/store/customers/me", me)).data.customer.id
        const container = getContainer()
        const { result: [region] } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "GDPR", currency_code: "eur", countries: [] }] } })
        const { result: order } = await createOrderWorkflow(container).run({
          input: { region_id: region.id, currency_code: "eur", email, customer_id: customerId,
            shipping_address: { first_name: "Greta", last_name: "Privat", address_1: "Geheimweg 1", city: "Berlin", country_code: "de" },
            items: [{ title: "Private tea", quantity: 1, unit_price: 10 }] } as any,
        })

        const exported = await api.get("/store/customers/me/privacy/export", me)
        expect(exported.headers["content-disposition"]).toMatch(/attachment; filename="my-data-/)
        const data = exported.data
        expect([data.customer.email, data.customer.first_name, data.customer.phone]).toEqual([email, "Greta", "+49301234567"])
        expect(data.customer.addresses.map((a: any) => a.address_1)).toEqual(["Geheimweg 1"])
        expect(data.orders.map((o: any) => [o.id, o.lines[0].title, o.lines[0].total])).toEqual([[order.id, "Private tea", "10.00 EUR"]])
        expect(data.sessions.map((s: any) => s.user_agent)).toEqual(expect.arrayContaining(["Laptop", "Registration"]))
        expect(data.privacy_requests).toEqual([expect.objectContaining({ kind: "EXPORT", status: "COMPLETED" })])

        // The account page reads the state: none yet, then the open request.
        expect((await api.get("/store/customers/me/privacy/erasure", me)).data).toEqual({ privacy_request: null })
        const asked = await api.post("/store/customers/me/privacy/erasure", {}, me)
        expect([asked.status, asked.data.privacy_request.status]).toEqual([202, "REQUESTED"])
        expect((await api.get("/store/customers/me/privacy/erasure", me)).data.privacy_request).toEqual(expect.objectContaining({ id: asked.data.privacy_request.id, status: "REQUESTED" }))
        expect((await api.post("/store/customers/me/privacy/erasure", {}, me)).data.privacy_request.id).toBe(asked.data.privacy_request.id)

        const admin = await adminHeaders(container, api)
        const pending = (await api.get("/admin/privacy-requests?status=REQUESTED", admin)).data.privacy_requests
        expect(pending.map((r: any) => [r.id, r.kind])).toEqual([[asked.data.privacy_request.id, "ERASURE"]])
        const done = (await api.post(`/admin/privacy-requests/${asked.data.privacy_request.id}/complete`, {}, admin)).data.privacy_request
        expect(done.status).toBe("COMPLETED")
        expect(await status(api.post(`/admin/privacy-requests/${asked.data.privacy_request.id}/complete`, {}, admin))).toBe("409 PRIVACY_REQUEST_NOT_PENDING")

        // Signed out and unable to sign in; the profile says nothing about Greta any more.
        expect((await failing(api.get("/store/customers/me", me))).status).toBe(401)
        expect((await failing(api.post("/auth/customer/emailpass", { email, password: "grey-snail-rides-9" }))).status).toBe(401)
        const erased = (await api.get(`/admin/customers/${customerId}?fields=*addresses`, admin)).data.customer
        expect([erased.email, erased.first_name, erased.last_name, erased.phone, erased.addresses]).toEqual(
          [`erased+${customerId}@erased.invalid`, null, null, null, []]
        )
        // The order keeps the name and address it was shipped to (accounting and tax law).
        const kept = (await api.get(`/admin/orders/${order.id}?fields=*shipping_address`, admin)).data.order
        expect([kept.shipping_address.last_name, kept.shipping_address.address_1]).toEqual(["Privat", "Geheimweg 1"])
        expect((await api.get(`/admin/audit?action=customer.erase&target_id=${customerId}`, admin)).data.count).toBe(1)
      })
    })
  },
})
