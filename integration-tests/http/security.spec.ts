import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, storefrontAccess } from "../helpers/admin"
import { randomBytes } from "node:crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEV_DATA_KEY_ENTRY } from "../../src/lib/config/data-keys"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import rotateDataKeys from "../../src/scripts/rotate-data-keys"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { orderLinkUrl, signOrderToken } from "../../src/lib/orders/order-link"
import { adminProduct, applicationFor, applyAsMerchant, approvedMerchant, bearer, placeOrder, productBody } from "../helpers/merchants"

jest.setTimeout(600 * 1000)

/*
 * Issue 20 (security hardening), one file so Medusa boots once.
 *
 * One bad-input corpus (NUL bytes, huge numbers, wrong types, long strings, injection strings)
 * thrown at every route that takes input: every route of src/api plus the core store/admin/auth routes
 * the storefront, the admin and attackers use. No answer may be a 5xx; every 4xx carries a machine code
 * and no SQL, stack trace or internal URL; input the shared rules forbid must be a 4xx.
 */

import { API_PREFIXES } from "../../src/api/input-guard/middleware"

const API = path.resolve(__dirname, "../../src/api")
type Route = { method: string; path: string }

function ourRoutes(): Route[] {
  const routes: Route[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const urlPath = "/" + path.relative(API, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const m of fs.readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|DELETE)\b/g)) {
          routes.push({ method: m[1], path: urlPath })
        }
      }
    }
  }
  walk(API)
  // The corpus is about routes that take input: the API prefixes. The operations endpoints (/ready,
  // /metrics) read no input at all; /ready answers 503 here by design (no PSP runs in this test).
  return routes.filter((r) => API_PREFIXES.some((prefix) => r.path === prefix || r.path.startsWith(`${prefix}/`)))
}

// Medusa's own routes in front of buyers, staff and sign-in (the ones the attack report of issue 20 hit).
const CORE_ROUTES: Route[] = [
  ["POST", "/auth/customer/emailpass"], ["POST", "/auth/customer/emailpass/register"], ["POST", "/auth/customer/emailpass/reset-password"],
  ["POST", "/auth/user/emailpass"], ["POST", "/auth/merchant/emailpass"], ["POST", "/auth/merchant/emailpass/register"],
  ["POST", "/auth/token/refresh"],
  ["GET", "/store/products"], ["GET", "/store/products/:id"], ["GET", "/store/regions"], ["GET", "/store/collections"],
  ["POST", "/store/carts"], ["GET", "/store/carts/:id"], ["POST", "/store/carts/:id"], ["POST", "/store/carts/:id/line-items"],
  ["POST", "/store/carts/:id/line-items/:line_id"], ["POST", "/store/carts/:id/promotions"], ["POST", "/store/carts/:id/shipping-methods"],
  ["POST", "/store/carts/:id/complete"], ["GET", "/store/shipping-options"], ["POST", "/store/payment-collections"],
  ["POST", "/store/payment-collections/:id/payment-sessions"], ["GET", "/store/orders"], ["GET", "/store/orders/:id"],
  ["POST", "/store/customers"], ["GET", "/store/customers/me"], ["POST", "/store/customers/me"], ["POST", "/store/customers/me/addresses"],
  ["GET", "/admin/products"], ["POST", "/admin/products"], ["GET", "/admin/products/:id"], ["POST", "/admin/products/:id"],
  ["GET", "/admin/orders"], ["GET", "/admin/orders/:id"], ["GET", "/admin/customers"], ["POST", "/admin/customers"],
  ["POST", "/admin/regions"], ["GET", "/admin/regions"], ["POST", "/admin/price-lists"], ["POST", "/admin/promotions"],
  ["POST", "/admin/payments/:id/refund"], ["POST", "/admin/payments/:id/capture"], ["POST", "/admin/stock-locations"],
  ["POST", "/admin/invites"], ["GET", "/admin/users"], ["POST", "/hooks/payment/sandbox_sandbox"],
].map(([method, p]) => ({ method, path: p }))

const LONG = "x".repeat(100_000)
const INJECTIONS = ["' OR '1'='1' --", "'; DROP TABLE product; --", "<script>alert(1)</script>", "{{7*7}}${7*7}", "../../../etc/passwd"]
/** Values no field may hold: must answer 4xx. */
const FORBIDDEN: unknown[] = ["a\u0000b", LONG, 1e300]
/** Wrong types and oddities: may be accepted where legal, never a 5xx. */
const ODD: unknown[] = [true, [], null, -1, 1.5, "", { $gt: "" }, INJECTIONS[0], INJECTIONS[2]]
const KEY_FORBIDDEN: [RegExp, unknown[]][] = [
  [/(^|\.)quantity$/, [1.5, -3]],
  [/(^|\.)currency_code$/, ["zzz"]],
  [/(^|\.)(url|thumbnail)$/, ["javascript:alert(1)"]],
  [/(^|\.)(amount|unit_price)$/, [0.00001]],
]
const QUERY_FORBIDDEN = ["limit=-1", "offset=-5", "limit=1e300", "limit=abc", "q=%00", "fields=a%00b", `q=${"x".repeat(3_000)}`, "order=%27%3Bdrop"]
const QUERY_ODD = ["order=no_such_field", "q=%27%20OR%201%3D1--", "id[$gt]=", "fields=*customer.orders"]
/** Path parameters: control characters and absurd lengths must be refused; the rest may only not crash. */
const PARAM_FORBIDDEN = ["%00", "a".repeat(600)]
const PARAM_ODD = ["%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc", "%F0%9F%98%80"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("answers the bad-input corpus on every route with a 4xx and a code, never a 5xx", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const { storeHeaders, salesChannelId } = await storefrontAccess(container)
      const key = storeHeaders.headers["x-publishable-api-key"]
      const region = (await api.post("/admin/regions", { name: "Corpus", currency_code: "eur", countries: ["de"] }, admin)).data.region
      const shop = await approvedMerchant(api, admin, "corpus-shop")
      const victim = await approvedMerchant(api, admin, "corpus-victim")
      const product = await adminProduct(api, admin, { title: "Corpus product", amount: 10, salesChannelId, merchantId: shop.merchant.id })
      const variant = product.variants[0]
      const order = await placeOrder(container, [{ variant_id: variant.id, title: "Corpus product", unit_price: 10 }])
      const line = (await api.get(`/admin/orders/${order.id}/lines`, admin)).data.lines[0]
      const reg = await api.post("/auth/customer/emailpass/register", { email: "corpus@buyer.test", password: "corpus-pass-123" })
      await api.post("/store/customers", { email: "corpus@buyer.test" }, { headers: { ...bearer(reg.data.token).headers, "x-publishable-api-key": key } })
      const login = await api.post("/auth/customer/emailpass", { email: "corpus@buyer.test", password: "corpus-pass-123" })
      const customer = { "x-publishable-api-key": key, authorization: `Bearer ${login.data.token}` }
      const cart = (await api.post("/store/carts", { region_id: region.id, items: [{ variant_id: variant.id, quantity: 1 }] }, { headers: customer })).data.cart

      const headersFor = (p: string) =>
        p.startsWith("/admin") ? admin.headers : p.startsWith("/merchant") ? shop.owner.headers : { "x-publishable-api-key": key, ...(p.startsWith("/store") ? { authorization: customer.authorization } : {}) }

      // Real ids where a route names one, so valid-looking bodies reach the handlers; otherwise an unknown id.
      const ids: [RegExp, string, string][] = [
        [/^\/(admin|merchant|store)\/orders\/:id/, "id", order.id],
        [/^\/(admin|merchant|store)\/products\/:id/, "id", product.id],
        [/^\/admin\/merchants\/:id/, "id", victim.merchant.id], // suspending the victim leaves the shop usable
        [/^\/store\/carts\/:id/, "id", cart.id],
        [/./, "line_id", line.id],
        [/./, "variant_id", variant.id],
        [/./, "product_id", product.id],
      ]
      const fill = (p: string, except?: string, value?: string) =>
        p.replace(/:(\w+)/g, (_, name) => (name === except ? value! : ids.find(([re, n]) => n === name && re.test(p))?.[2] ?? "unknown_0001"))

      const samples: Record<string, any> = {
        "POST /admin/products": { title: "Sample", options: [{ title: "F", values: ["D"] }], variants: [{ title: "D", options: { F: "D" }, prices: [{ currency_code: "eur", amount: 10 }] }] },
        "POST /admin/products/:id": { title: "Renamed", thumbnail: "https://cdn.example/x.png" },
        "POST /merchant/products": productBody("Corpus sample"),
        "POST /merchant/products/:id": { title: "Renamed", thumbnail: "https://cdn.example/x.png" },
        "POST /merchant/products/:id/variants/:variant_id": { prices: [{ currency_code: "eur", amount: 12 }] },
        "POST /merchant/products/:id/variants/:variant_id/inventory": { stocked_quantity: 5 },
        "POST /admin/orders/:id/lines/:line_id/refunds": { amount: 1, reason: "corpus refund" },
        "POST /merchant/orders/:id/lines/:line_id/refunds": { amount: 1, reason: "corpus refund" },
        "POST /store/carts": { region_id: region.id, email: "c@buyer.test", items: [{ variant_id: variant.id, quantity: 1 }] },
        "POST /store/carts/:id": { email: "c@buyer.test", shipping_address: { first_name: "A", address_1: "1 St", city: "Berlin", country_code: "de" } },
        "POST /store/carts/:id/line-items": { variant_id: variant.id, quantity: 1 },
        "POST /store/customers/me": { first_name: "A", last_name: "B" },
        "POST /store/customers/me/addresses": { first_name: "A", address_1: "1 St", city: "Berlin", country_code: "de", postal_code: "10115" },
        "POST /auth/customer/emailpass": { email: "corpus@buyer.test", password: "wrong-pass" },
        "POST /auth/customer/emailpass/register": { email: "new@buyer.test", password: "corpus-pass-123" },
        "POST /auth/user/emailpass": { email: "nobody@corpus.test", password: "wrong-pass" },
        "POST /auth/merchant/emailpass": { email: "owner@corpus-shop.test", password: "wrong-pass" },
        "POST /auth/merchant/emailpass/register": { email: "new@shop.test", password: "corpus-pass-123" },
        "POST /auth/customer/emailpass/reset-password": { identifier: "corpus@buyer.test" },
        "POST /admin/regions": { name: "R", currency_code: "usd", countries: [] },
        "POST /admin/customers": { email: "made@admin.test", first_name: "M" },
        "POST /admin/stock-locations": { name: "Depot", address: { address_1: "1 St", country_code: "de" } },
        "POST /merchant/applications": applicationFor("corpus-applicant"),
      }

      const tally = { routes: 0, inputs: 0, s2xx: 0, s4xx: 0, s5xx: 0 }
      const failures: string[] = []
      const send = async (label: string, method: string, url: string, body: unknown, mustRefuse: boolean, raw = false) => {
        const res = await api.request({
          method, url, data: body, validateStatus: () => true,
          headers: { ...headersFor(url), "content-type": "application/json" },
          ...(raw ? { transformRequest: [(d: unknown) => d] } : {}),
        })
        tally.inputs++
        const s = res.status
        if (s >= 500) tally.s5xx++
        else if (s >= 400) tally.s4xx++
        else tally.s2xx++
        const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data ?? "")
        if (s >= 500) failures.push(`${label}: ${s} ${text.slice(0, 200)}`)
        else if (s >= 400 && typeof res.data?.code !== "string") failures.push(`${label}: ${s} without a code: ${text.slice(0, 200)}`)
        else if (mustRefuse && s < 400) failures.push(`${label}: accepted with ${s}`)
        if (/insert into|select .{1,200} from "|\n\s+at |postgres(ql)?:\/\//i.test(text)) failures.push(`${label}: leaks internals: ${text.slice(0, 200)}`)
      }

      // Rate limits have their own test below; here they would turn the corpus into 429s.
      process.env.RATE_LIMITS_DISABLED = "true"
      const routes = [...ourRoutes(), ...CORE_ROUTES]
      // Requests are grouped by resource ("/store/carts"): groups run side by side like separate
      // clients, a group's requests one after another (two writes to one cart wait on Medusa's lock).
      const groups = new Map<string, (() => Promise<void>)[]>()
      for (const route of routes) {
        const name = `${route.method} ${route.path}`
        const group = route.path.split("/").slice(0, 3).join("/")
        if (!groups.has(group)) groups.set(group, [])
        const jobs = groups.get(group)!
        tally.routes++
        const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])
        for (const param of params) {
          for (const v of [...PARAM_FORBIDDEN, ...PARAM_ODD]) {
            jobs.push(() => send(`${name} :${param}=${v.slice(0, 20)}`, route.method, fill(route.path, param, v), route.method === "POST" ? {} : undefined, PARAM_FORBIDDEN.includes(v)))
          }
        }
        const url = fill(route.path)
        if (route.method === "GET") {
          for (const q of QUERY_FORBIDDEN) jobs.push(() => send(`${name} ?${q.slice(0, 30)}`, "GET", `${url}?${q}`, undefined, true))
          for (const q of QUERY_ODD) jobs.push(() => send(`${name} ?${q}`, "GET", `${url}?${q}`, undefined, false))
        }
        if (route.method !== "POST") continue
        for (const raw of ["[]", '"text"', "{", '{"a":' + "[".repeat(5000) + "]".repeat(5000) + "}"]) {
          jobs.push(() => send(`${name} body ${raw.slice(0, 10)}`, "POST", url, raw, raw === "{" || raw.length > 100, true))
        }
        const { base, named } = samples[name] ? { base: samples[name], named: true } : await discoverFields(url)
        for (const leaf of leaves(base).slice(0, 5)) {
          const forbidden = [...FORBIDDEN, ...KEY_FORBIDDEN.filter(([re]) => re.test(leaf)).flatMap(([, v]) => v)]
          for (const v of forbidden) jobs.push(() => send(`${name} ${leaf}=${String(JSON.stringify(v)).slice(0, 20)}`, "POST", url, setLeaf(base, leaf, v), true))
          // A route that names no field of its own gets guessed ones: a few oddities are enough there.
          for (const v of named ? ODD : ODD.slice(0, 3)) jobs.push(() => send(`${name} ${leaf}=${JSON.stringify(v).slice(0, 20)}`, "POST", url, setLeaf(base, leaf, v), false))
        }
      }
      // A few requests at a time, as several clients would send them.
      const queue = [...groups.values()].sort((a, b) => b.length - a.length)
      const workers = Array.from({ length: 4 }, async () => {
        for (let jobs = queue.shift(); jobs; jobs = queue.shift()) for (const job of jobs) await job()
      })
      await Promise.all(workers).finally(() => delete process.env.RATE_LIMITS_DISABLED)

      /** A route without a sample: its validator names its required fields when sent `{}`. */
      async function discoverFields(url: string): Promise<{ base: Record<string, unknown>; named: boolean }> {
        const res = await api.request({ method: "POST", url, data: {}, validateStatus: () => true, headers: headersFor(url) })
        const message: string = res.data?.message ?? ""
        const names = new Set([...message.matchAll(/[Ff]ield '([^']+)'/g)].map((m) => m[1].split(", ")[0]))
        if (res.data?.field) names.add(res.data.field)
        const named = names.size > 0
        if (!named) ["reason", "amount"].forEach((n) => names.add(n))
        return { base: Object.fromEntries([...names].map((n) => [n, "sample"])), named }
      }

      console.log(`bad-input corpus: ${tally.routes} routes, ${tally.inputs} inputs, ${tally.s4xx} answered 4xx, ${tally.s5xx} answered 5xx, ${tally.s2xx} accepted (legal values only)`)
      expect(failures).toEqual([])
    })

    it("keeps merchants' tax ids, phone and payout account encrypted at rest: reads decrypt, an exact INN is still found, keys rotate, a wrong key is a clear error", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const INN = "7707083893"
      const IBAN = "DE89370400440532013000"
      const applied = await applyAsMerchant(api, "sealed-shop", {
        inn: INN, contact_phone: "+49 30 1234567", payout_method: { type: "bank_transfer", account_holder: "Sealed LLC", iban: IBAN },
      })
      const id = applied.merchant.id
      await api.post(`/admin/merchants/${id}/approve`, {}, admin)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const stored = async () => (await pg.raw(`SELECT "inn", "trn", "contact_phone", "payout_method"::text AS "payout_method", "inn_hash" FROM "merchant" WHERE "id" = ?`, [id])).rows[0]
      const before = await stored()
      // Plain SQL sees ciphertext under a key id, never the values.
      expect(before.inn).toMatch(/^enc:v1:dev:/)
      expect(before.contact_phone).toMatch(/^enc:v1:dev:/)
      expect(JSON.parse(before.payout_method).sealed).toMatch(/^enc:v1:dev:/)
      expect(JSON.stringify(before)).not.toMatch(new RegExp(`${INN}|1234567|${IBAN}|Sealed LLC`))
      expect(before.inn_hash).toMatch(/^[0-9a-f]{64}$/)

      // Every read decrypts: the merchant's own API, the admin list (found by its exact INN), query.graph.
      const me = (await api.get("/merchant/me", applied.owner)).data.merchant
      // (The payout account is shown to staff masked: every role reads /me; payouts read the module, below.)
      expect([me.inn, me.contact_phone, me.payout_method]).toEqual([INN, "+49 30 1234567", { type: "bank_transfer", account_holder: "Sealed LLC", iban_last4: "3000", iban_country: "DE", account_last4: null, bic: null }])
      expect(me.inn_hash).toBeUndefined()
      expect((await api.get(`/admin/merchants?q=${INN}`, admin)).data.merchants.map((m: any) => [m.id, m.inn])).toEqual([[id, INN]])
      const { data: [graphed] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "merchant", fields: ["id", "inn", "contact_phone"], filters: { id } })
      expect([graphed.inn, graphed.contact_phone]).toEqual([INN, "+49 30 1234567"])

      const marketplace = container.resolve(MARKETPLACE_MODULE) as any
      const saved = process.env.DATA_ENCRYPTION_KEYS
      const k2 = `k2:${randomBytes(32).toString("hex")}`
      try {
        // A new key first, the old one still listed: old values still read; new writes use the new key.
        process.env.DATA_ENCRYPTION_KEYS = `${k2},${DEV_DATA_KEY_ENTRY}`
        expect((await marketplace.retrieveMerchant(id)).inn).toBe(INN)
        await api.post("/merchant/me/legal", { trn: "100123456700003" }, applied.owner)
        const mixed = await stored()
        expect([mixed.trn.slice(0, 10), mixed.contact_phone.slice(0, 11)]).toEqual(["enc:v1:k2:", "enc:v1:dev:"])

        // keys:rotate re-encrypts the rest under k2; a second run has nothing to do.
        await rotateDataKeys({ container } as any)
        const rotated = await stored()
        expect([rotated.inn, rotated.contact_phone, JSON.parse(rotated.payout_method).sealed].map((v: string) => v.slice(0, 10))).toEqual(["enc:v1:k2:", "enc:v1:k2:", "enc:v1:k2:"])
        expect(rotated.inn_hash).toBe(before.inn_hash)
        expect(await marketplace.resealMerchants()).toEqual(expect.objectContaining({ resealed: 0 }))
        // Only k2 left: everything still reads.
        process.env.DATA_ENCRYPTION_KEYS = k2
        expect(await marketplace.retrieveMerchant(id)).toEqual(expect.objectContaining({ inn: INN, trn: "100123456700003", payout_method: expect.objectContaining({ iban: IBAN }) }))

        // A wrong key under the right id, or a keyring without the id: a clear error naming the key, never garbage.
        process.env.DATA_ENCRYPTION_KEYS = `k2:${randomBytes(32).toString("hex")}`
        await expect(marketplace.retrieveMerchant(id)).rejects.toThrow(/Key 'k2' in DATA_ENCRYPTION_KEYS does not decrypt this value/)
        process.env.DATA_ENCRYPTION_KEYS = DEV_DATA_KEY_ENTRY
        await expect(marketplace.retrieveMerchant(id)).rejects.toThrow(/Encrypted with key 'k2', which DATA_ENCRYPTION_KEYS does not list/)
      } finally {
        if (saved === undefined) delete process.env.DATA_ENCRYPTION_KEYS
        else process.env.DATA_ENCRYPTION_KEYS = saved
      }
    })

    it("lets only the order's customer or a guest with its signed link read GET /store/orders/:id; hides a completed cart's contact", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const { storeHeaders, salesChannelId } = await storefrontAccess(container)
      const key = storeHeaders.headers["x-publishable-api-key"]
      const region = (await api.post("/admin/regions", { name: "Own", currency_code: "eur", countries: ["de"] }, admin)).data.region
      const shop = await approvedMerchant(api, admin, "own-shop")
      const product = await adminProduct(api, admin, { title: "Owned thing", amount: 10, salesChannelId, merchantId: shop.merchant.id })
      const signIn = async (email: string) => {
        const reg = await api.post("/auth/customer/emailpass/register", { email, password: "own-pass-123" })
        const me = await api.post("/store/customers", { email }, { headers: { ...bearer(reg.data.token).headers, "x-publishable-api-key": key } })
        const login = await api.post("/auth/customer/emailpass", { email, password: "own-pass-123" })
        return { id: me.data.customer.id as string, headers: { "x-publishable-api-key": key, authorization: `Bearer ${login.data.token}` } }
      }
      const alice = await signIn("alice@own.test")
      const bob = await signIn("bob@own.test")
      const { result: order } = await createOrderWorkflow(container).run({
        input: { region_id: region.id, currency_code: "eur", email: "alice@own.test", customer_id: alice.id,
          items: [{ variant_id: product.variants[0].id, title: "Owned thing", quantity: 1, unit_price: 10 }] } as any,
      })
      const read = (headers: Record<string, string>, qs = "") => api.get(`/store/orders/${order.id}${qs}`, { headers, validateStatus: () => true })

      expect((await read(alice.headers)).status).toBe(200)
      const asBob = await read(bob.headers)
      expect([asBob.status, asBob.data.code]).toEqual([404, "NOT_FOUND"])
      expect((await read({ "x-publishable-api-key": key })).status).toBe(404)
      // A guest holding the emailed link reads it; an expired, edited or other order's token does not.
      const guest = { "x-publishable-api-key": key }
      expect((await read(guest, `?token=${signOrderToken(order.id)}`)).status).toBe(200)
      expect((await read(guest, `?token=${signOrderToken(order.id)}&fields=id,email`)).data.order.email).toBe("alice@own.test")
      expect((await read(guest, `?token=${signOrderToken(order.id, { now: new Date(Date.now() - 7200_000), ttlSeconds: 60 })}`)).status).toBe(404)
      const [exp, sig] = signOrderToken(order.id).split(".")
      expect((await read(guest, `?token=${Number(exp) + 1}.${sig}`)).status).toBe(404)
      expect((await read(guest, `?token=${signOrderToken("order_other")}`)).status).toBe(404)
      expect(orderLinkUrl(order.id)).toContain(`/orders/${order.id}?token=`)

      // A completed cart keeps answering by id, without the buyer's contact data for anyone else.
      const address = { first_name: "Alice", address_1: "1 Secret St", city: "Berlin", country_code: "de" }
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "alice@own.test", shipping_address: address,
        items: [{ variant_id: product.variants[0].id, quantity: 1 }] }, { headers: alice.headers })).data.cart
      const fields = "?fields=id,email,*shipping_address,*billing_address,customer_id"
      expect((await api.get(`/store/carts/${cart.id}${fields}`, { headers: guest })).data.cart.email).toBe("alice@own.test")
      await container.resolve(Modules.CART).updateCarts(cart.id, { completed_at: new Date() } as any)
      for (const headers of [guest, bob.headers]) {
        const seen = (await api.get(`/store/carts/${cart.id}${fields}`, { headers })).data.cart
        expect(seen.id).toBe(cart.id)
        expect(JSON.stringify(seen)).not.toMatch(/alice@own\.test|Secret St/)
      }
      expect((await api.get(`/store/carts/${cart.id}${fields}`, { headers: alice.headers })).data.cart.shipping_address.address_1).toBe("1 Secret St")
    })

    it("rate-limits per IP and per account with 429 + Retry-After, and locks sign-in after repeated failures with identical answers", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const { storeHeaders } = await storefrontAccess(container)
      const tight = { RATE_LIMIT_SEARCH_IP: "3/60", LOGIN_LOCKOUT_AFTER: "3", LOGIN_LOCKOUT_BASE_SECONDS: "30" }
      Object.assign(process.env, tight)
      try {
        // Search: the fourth keyword query in the window is refused, with a code and Retry-After.
        const searches: any[] = []
        for (let i = 0; i < 4; i++) searches.push(await api.get("/store/products?q=snail", { ...storeHeaders, validateStatus: () => true }))
        expect(searches.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200])
        expect([searches[3].status, searches[3].data.code]).toEqual([429, "RATE_LIMITED"])
        expect(Number(searches[3].headers["retry-after"])).toBeGreaterThan(0)

        // Lockout: known customer, unknown email and a suspended merchant's owner get the same answers.
        await api.post("/auth/customer/emailpass/register", { email: "known@lock.test", password: "right-pass-123" })
        const shop = await approvedMerchant(api, admin, "locked-shop")
        await api.post(`/admin/merchants/${shop.merchant.id}/suspend`, { reason: "fraud review" }, admin)
        const attempt = (actor: string, email: string, password: string) =>
          api.post(`/auth/${actor}/emailpass`, { email, password }, { validateStatus: () => true })
        const accounts: [string, string][] = [["customer", "known@lock.test"], ["customer", "ghost@lock.test"], ["merchant", shop.email]]
        const answers: string[][] = accounts.map(() => [])
        for (let i = 0; i < 4; i++) {
          for (const [n, [actor, email]] of accounts.entries()) {
            const r = await attempt(actor, email, "wrong-pass-999")
            // The countdown in the message ticks between accounts on a busy machine; the words must match.
            answers[n].push(`${r.status} ${r.data.code} ${String(r.data.message).replace(/\d+ s\./, "N s.")}`)
          }
        }
        expect(answers[0].slice(0, 3)).toEqual(Array(3).fill(answers[0][0]))
        expect(answers[0][0]).toMatch(/^401 UNAUTHORIZED/)
        expect(answers[0][3]).toMatch(/^429 AUTH_LOCKED/)
        expect(answers[1]).toEqual(answers[0])
        expect(answers[2]).toEqual(answers[0])
        // Locked means locked: the right password is refused too, with Retry-After.
        const right = await attempt("customer", "known@lock.test", "right-pass-123")
        expect([right.status, right.data.code]).toEqual([429, "AUTH_LOCKED"])
        expect(Number(right.headers["retry-after"])).toBeGreaterThan(0)
      } finally {
        for (const k of Object.keys(tight)) delete process.env[k]
      }
      // Only the right password tells a suspended merchant's staff about the suspension.
      const other = await approvedMerchant(api, admin, "quiet-shop")
      await api.post(`/admin/merchants/${other.merchant.id}/suspend`, { reason: "fraud review" }, admin)
      const wrong = await api.post("/auth/merchant/emailpass", { email: other.email, password: "wrong-pass-999" }, { validateStatus: () => true })
      expect([wrong.status, wrong.data.code]).toEqual([401, "UNAUTHORIZED"])
      expect(JSON.stringify(wrong.data)).not.toMatch(/quiet|suspend/i)
      const correct = await api.post("/auth/merchant/emailpass", { email: other.email, password: "merchant-pass-123" }, { validateStatus: () => true })
      expect([correct.status, correct.data.code]).toEqual([403, "MERCHANT_SUSPENDED"])
    })

    it("sends security headers on the API and the admin, a HttpOnly SameSite=Lax session cookie, and exact CORS", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const res = await api.get("/admin/users/me", admin)
      expect(res.headers["x-content-type-options"]).toBe("nosniff")
      expect(res.headers["x-frame-options"]).toBe("DENY")
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'")
      expect(res.headers["strict-transport-security"]).toBeUndefined() // plain http here
      const overTls = await api.get("/admin/users/me", { headers: { ...admin.headers, "x-forwarded-proto": "https" } })
      expect(overTls.headers["strict-transport-security"]).toMatch(/max-age=\d+/)

      // The test runner serves no dashboard: what answers /app here still carries the frame refusal.
      const dashboard = await api.get("/app", { validateStatus: () => true, maxRedirects: 0 })
      expect(dashboard.headers["x-frame-options"]).toBe("DENY")

      const session = await api.post("/auth/session", {}, admin)
      const cookie = [session.headers["set-cookie"]].flat().find((c: string) => c?.startsWith("connect.sid"))
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)

      const listed = await api.get("/store/regions", { headers: { origin: "http://localhost:8000" }, validateStatus: () => true })
      expect(listed.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
      for (const origin of ["http://evil.test", "http://localhost:8000.evil.test", "null"]) {
        const other = await api.get("/store/regions", { headers: { origin }, validateStatus: () => true })
        expect(other.headers["access-control-allow-origin"]).toBeUndefined()
      }
    })
  },
})

/** Dotted paths of every scalar in a sample body ("variants.0.prices.0.amount"). */
function leaves(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
    const out = entries.flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
    return out.length ? out : [prefix]
  }
  return prefix ? [prefix] : []
}

function setLeaf(base: unknown, dotted: string, v: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base))
  const keys = dotted.split(".")
  let node = copy
  for (const k of keys.slice(0, -1)) node = node[k]
  node[keys[keys.length - 1]] = v
  return copy
}
