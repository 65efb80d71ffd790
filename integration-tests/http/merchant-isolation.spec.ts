import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { approvedMerchant, Headers, placeOrder, productBody } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"

jest.setTimeout(300 * 1000)

const MERCHANT_API = path.resolve(__dirname, "../../src/api/merchant")

/** Every merchant route the app registers: "METHOD /merchant/…", read from src/api/merchant. */
function registeredMerchantRoutes(): string[] {
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const urlPath = "/merchant" + path.relative(MERCHANT_API, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).map((s) => (s ? `/${s}` : "")).join("")
        const source = fs.readFileSync(full, "utf8")
        for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) routes.push(`${m[1]} ${urlPath}`)
      }
    }
  }
  walk(MERCHANT_API)
  return routes.sort()
}

type World = {
  api: any
  a: Headers
  b: Headers
  bIds: { merchant: string; product: string; variant: string; order: string; inviteToken: string; line: string; mixedLine: string; dispute: string; invoice: string; creditNote: string; course: string; lesson: string }
  aIds: { product: string; variant: string; mixedOrder: string; course: string }
}
type Attempt = { label: string; res: { status: number; data: any }; mayListOwnOnly?: boolean }

const call = async (p: Promise<any>) => {
  try {
    const r = await p
    return { status: r.status, data: r.data }
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}

/**
 * How merchant A tries to reach merchant B through each route: by id, by filter, by body field.
 * A route added to src/api/merchant without an entry here fails the suite.
 */
const ATTACKS: Record<string, (w: World) => Promise<Attempt[]>> = {
  "GET /merchant/me": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/me?merchant_id=${bIds.merchant}`, a)) },
  ],
  "GET /merchant/staff": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/staff?merchant_id=${bIds.merchant}`, a)) },
  ],
  "GET /merchant/invites": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/invites?merchant_id=${bIds.merchant}`, a)) },
  ],
  "POST /merchant/invites": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/invites", { email: "spy@a.test", merchant_id: bIds.merchant }, a)) },
  ],
  "POST /merchant/invites/accept": async ({ api, a, bIds }) => [
    { label: "accept B's invite", res: await call(api.post("/merchant/invites/accept", { token: bIds.inviteToken }, a)) },
  ],
  "POST /merchant/applications": async ({ api, a }) => [
    { label: "re-apply as B's handle", res: await call(api.post("/merchant/applications", { handle: "merchant-b", legal_name: "Spy LLC",
      display_name: "Spy", country_code: "de", tax_regime: "VAT_PAYER", contact_email: "spy@a.test" }, a)) },
  ],
  "GET /merchant/products": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/products?merchant_id=${bIds.merchant}`, a)) },
    { label: "filter id", res: await call(api.get(`/merchant/products?id=${bIds.product}`, a)), mayListOwnOnly: true },
  ],
  "POST /merchant/products": async ({ api, a, bIds }) => [
    { label: "body merchant_id", res: await call(api.post("/merchant/products", productBody("Planted", { merchant_id: bIds.merchant }), a)) },
  ],
  "GET /merchant/products/:id": async ({ api, a, bIds }) => [
    { label: "B's id", res: await call(api.get(`/merchant/products/${bIds.product}`, a)) },
  ],
  "POST /merchant/products/:id": async ({ api, a, aIds, bIds }) => [
    { label: "B's id", res: await call(api.post(`/merchant/products/${bIds.product}`, { title: "Hacked" }, a)) },
    { label: "own id, body merchant_id", res: await call(api.post(`/merchant/products/${aIds.product}`, { merchant_id: bIds.merchant }, a)) },
  ],
  "DELETE /merchant/products/:id": async ({ api, a, bIds }) => [
    { label: "B's id", res: await call(api.delete(`/merchant/products/${bIds.product}`, a)) },
  ],
  "POST /merchant/products/:id/variants": async ({ api, a, bIds }) => [
    { label: "B's product", res: await call(api.post(`/merchant/products/${bIds.product}/variants`, { title: "Extra", options: { Format: "Default" },
      prices: [{ currency_code: "eur", amount: 1 }] }, a)) },
  ],
  "POST /merchant/products/:id/variants/:variant_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.post(`/merchant/products/${bIds.product}/variants/${bIds.variant}`, { title: "Hacked" }, a)) },
    { label: "own product, B's variant", res: await call(api.post(`/merchant/products/${aIds.product}/variants/${bIds.variant}`,
      { prices: [{ currency_code: "eur", amount: 0 }] }, a)) },
  ],
  "DELETE /merchant/products/:id/variants/:variant_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.delete(`/merchant/products/${bIds.product}/variants/${bIds.variant}`, a)) },
    { label: "own product, B's variant", res: await call(api.delete(`/merchant/products/${aIds.product}/variants/${bIds.variant}`, a)) },
  ],
  "POST /merchant/products/:id/variants/:variant_id/inventory": async ({ api, a, aIds, bIds }) => [
    { label: "B's product + variant", res: await call(api.post(`/merchant/products/${bIds.product}/variants/${bIds.variant}/inventory`, { stocked_quantity: 0 }, a)) },
    { label: "own product, B's variant", res: await call(api.post(`/merchant/products/${aIds.product}/variants/${bIds.variant}/inventory`, { stocked_quantity: 0 }, a)) },
  ],
  "GET /merchant/orders": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/orders?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/orders", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/orders/:id": async ({ api, a, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}`, a)) },
  ],
  "POST /merchant/orders/:id/lines/:line_id/refunds": async ({ api, a, aIds, bIds }) => [
    { label: "B's order + line", res: await call(api.post(`/merchant/orders/${bIds.order}/lines/${bIds.line}/refunds`, { reason: "steal" }, a)) },
    { label: "shared order, B's line", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.mixedLine}/refunds`, { reason: "steal" }, a)) },
  ],
  "GET /merchant/orders/:id/lines": async ({ api, a, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}/lines`, a)) },
  ],
  "POST /merchant/orders/:id/lines/:line_id/transitions": async ({ api, a, aIds, bIds }) => [
    { label: "B's order + line", res: await call(api.post(`/merchant/orders/${bIds.order}/lines/${bIds.line}/transitions`, { to: "CONFIRMED" }, a)) },
    { label: "shared order, B's line", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.mixedLine}/transitions`, { to: "CONFIRMED" }, a)) },
    { label: "own order id, B's line from elsewhere", res: await call(api.post(`/merchant/orders/${aIds.mixedOrder}/lines/${bIds.line}/transitions`, { to: "CANCELLED" }, a)) },
  ],
  "GET /merchant/orders/:id/split": async ({ api, a, aIds, bIds }) => [
    { label: "B-only order", res: await call(api.get(`/merchant/orders/${bIds.order}/split`, a)) },
    { label: "shared order", res: await call(api.get(`/merchant/orders/${aIds.mixedOrder}/split`, a)), mayListOwnOnly: true },
  ],
  "GET /merchant/balance": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/balance?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain", res: await call(api.get("/merchant/balance", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/payouts": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/payouts?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/payouts", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/statement": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/statement?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain", res: await call(api.get("/merchant/statement", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/commission-rules": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/commission-rules?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/commission-rules", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/disputes": async ({ api, a, bIds }) => [
    { label: "filter merchant_id", res: await call(api.get(`/merchant/disputes?merchant_id=${bIds.merchant}`, a)) },
    { label: "plain list", res: await call(api.get("/merchant/disputes", a)), mayListOwnOnly: true },
  ],
  "GET /merchant/disputes/:id": async ({ api, a, bIds }) => [
    { label: "B's dispute", res: await call(api.get(`/merchant/disputes/${bIds.dispute}`, a)) },
  ],
  "POST /merchant/disputes/:id/messages": async ({ api, a, bIds }) => [
    { label: "B's dispute", res: await call(api.post(`/merchant/disputes/${bIds.dispute}/messages`, { body: "spy" }, a)) },
  ],
  // UAE VAT documents (docs/vat-ae.md): B's tax invoice and credit note.
  "GET /merchant/tax-invoices": async ({ api, a, bIds }) => [
    { label: "filter supplier_id", res: await call(api.get(`/merchant/tax-invoices?supplier_id=${bIds.merchant}`, a)), mayListOwnOnly: true },
    { label: "filter B's order", res: await call(api.get(`/merchant/tax-invoices?order_id=${bIds.order}`, a)), mayListOwnOnly: true },
  ],
  "GET /merchant/tax-invoices/:id": async ({ api, a, bIds }) => [
    { label: "B's invoice (json)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}`, a)) },
    { label: "B's invoice (pdf)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}?format=pdf`, a)) },
    { label: "B's invoice (ubl)", res: await call(api.get(`/merchant/tax-invoices/${bIds.invoice}?format=xml`, a)) },
  ],
  "GET /merchant/credit-notes/:id": async ({ api, a, bIds }) => [
    { label: "B's credit note", res: await call(api.get(`/merchant/credit-notes/${bIds.creditNote}?format=txt`, a)) },
  ],
  // course access (docs/course-access.md)
  "GET /merchant/courses/:product_id": async ({ api, a, bIds }) => [
    { label: "B's course", res: await call(api.get(`/merchant/courses/${bIds.course}`, a)) },
  ],
  "POST /merchant/courses/:product_id/policy": async ({ api, a, aIds, bIds }) => [
    { label: "B's course", res: await call(api.post(`/merchant/courses/${bIds.course}/policy`, { refund_days: 365 }, a)) },
    { label: "own course, body merchant_id", res: await call(api.post(`/merchant/courses/${aIds.course}/policy`, { merchant_id: bIds.merchant }, a)) },
  ],
  "POST /merchant/courses/:product_id/lessons": async ({ api, a, bIds }) => [
    { label: "B's course", res: await call(api.post(`/merchant/courses/${bIds.course}/lessons`, { kind: "file", title: "Planted",
      filename: "x.txt", mime_type: "text/plain", content_base64: Buffer.from("x").toString("base64") }, a)) },
  ],
  "POST /merchant/courses/:product_id/lessons/:lesson_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's course + lesson", res: await call(api.post(`/merchant/courses/${bIds.course}/lessons/${bIds.lesson}`, { title: "Hacked" }, a)) },
    { label: "own course, B's lesson", res: await call(api.post(`/merchant/courses/${aIds.course}/lessons/${bIds.lesson}`, { title: "Hacked" }, a)) },
  ],
  "DELETE /merchant/courses/:product_id/lessons/:lesson_id": async ({ api, a, aIds, bIds }) => [
    { label: "B's course + lesson", res: await call(api.delete(`/merchant/courses/${bIds.course}/lessons/${bIds.lesson}`, a)) },
    { label: "own course, B's lesson", res: await call(api.delete(`/merchant/courses/${aIds.course}/lessons/${bIds.lesson}`, a)) },
  ],
}

/** A tax invoice and a credit note issued by B (straight through the VAT module: B is not a UAE supplier here). */
async function vatDocumentsOfB(container: any, merchantId: string, orderId: string) {
  const vat = container.resolve("vat_ae")
  const now = new Date()
  const { id: invoice } = await vat.issueInvoice({
    order_id: orderId, supplier_id: merchantId, supplier_handle: "merchant-b",
    invoice: { kind: "SIMPLIFIED", supplier: { name: "B secret supplier", trn: "100000000000003" }, recipient: { name: "Buyer" }, currency_code: "aed",
      issued_at: now, supply_date: now, taxable_minor: 5000, vat_minor: 250, total_minor: 5250, vat_aed_minor: 250, total_aed_minor: 5250 },
    lines: [{ line_item_id: "li_b", description: "B secret session", quantity: 1, unit_price_minor: 5000, taxable_minor: 5000, treatment: "STANDARD",
      rate_bps: 500, vat_minor: 250, total_minor: 5250 }],
  })
  const note = await vat.issueCreditNote({
    invoice_id: invoice, supplier_id: merchantId, supplier_handle: "merchant-b",
    build: () => ({
      note: { invoice_number: "INV-MERCHANT-B-000001", order_id: orderId, currency_code: "aed", reason: "B secret reason", issued_at: now,
        taxable_minor: 952, vat_minor: 48, total_minor: 1000, vat_aed_minor: 48, total_aed_minor: 1000 },
      lines: [{ line_item_id: "li_b", description: "B secret session", treatment: "STANDARD", rate_bps: 500, taxable_minor: 952, vat_minor: 48, total_minor: 1000 }],
    }),
  })
  return { invoice, creditNote: note.id }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    it("has an attack for every registered merchant route, and no attack for a route that is gone", () => {
      expect(registeredMerchantRoutes()).toEqual(Object.keys(ATTACKS).sort())
    })

    it("never lets merchant A read or change merchant B's data through any merchant route", async () => {
      const admin = await adminHeaders(getContainer(), api)
      const A = await approvedMerchant(api, admin, "merchant-a")
      const B = await approvedMerchant(api, admin, "merchant-b")
      const aProduct = (await api.post("/merchant/products", productBody("A mug"), A.owner)).data.product
      const bProduct = (await api.post("/merchant/products", productBody("B secret mug"), B.owner)).data.product
      const bVariant = bProduct.variants[0].id
      await api.post(`/merchant/products/${bProduct.id}/variants/${bVariant}/inventory`, { stocked_quantity: 7 }, B.owner)
      const bService = (await api.post("/merchant/products", productBody("B secret session", { kind: "SERVICE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 50 }] }] }), B.owner)).data.product
      const order = await placeOrder(getContainer(), [{ variant_id: bService.variants[0].id, title: "B secret session", unit_price: 50 }])
      const aService = (await api.post("/merchant/products", productBody("A session", { kind: "SERVICE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 20 }] }] }), A.owner)).data.product
      const mixed = await placeOrder(getContainer(), [
        { variant_id: aService.variants[0].id, title: "A session", unit_price: 20 },
        { variant_id: bService.variants[0].id, title: "B secret session", unit_price: 50 },
      ])
      const bLine = (await api.get(`/merchant/orders/${order.id}/lines`, B.owner)).data.lines[0]
      const bMixedLine = (await api.get(`/merchant/orders/${mixed.id}/lines`, B.owner)).data.lines[0]
      const invite = await api.post("/merchant/invites", { email: "new@merchant-b.test" }, B.owner)
      // B's own money matters: a commission rule, and a buyer's dispute on its line.
      const marketplace: any = getContainer().resolve(MARKETPLACE_MODULE)
      await marketplace.createCommissionRules({ merchant_id: B.merchant.id, rate_bps: 700, note: "B secret rule" })
      const bDispute = await marketplace.createDisputes({ order_id: order.id, order_line_id: bLine.id, merchant_id: B.merchant.id, customer_id: "cus_b", reason: "OTHER", currency_code: "eur" })
      await marketplace.createDisputeMessages({ dispute_id: bDispute.id, author_type: "buyer", author_id: "cus_b", body: "B secret complaint" })
      const bVat = await vatDocumentsOfB(getContainer(), B.merchant.id, order.id)
      const courseBody = (title: string) => productBody(title, { kind: "COURSE",
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 30 }] }] })
      const bCourse = (await api.post("/merchant/products", courseBody("B secret course"), B.owner)).data.product
      const aCourse = (await api.post("/merchant/products", courseBody("A course"), A.owner)).data.product
      const bLesson = (await api.post(`/merchant/courses/${bCourse.id}/lessons`, { kind: "file", title: "B secret lesson", filename: "notes.txt",
        mime_type: "text/plain", content_base64: Buffer.from("B secret notes").toString("base64") }, B.owner)).data.lesson

      const world: World = {
        api, a: A.owner, b: B.owner,
        aIds: { product: aProduct.id, variant: aProduct.variants[0].id, mixedOrder: mixed.id, course: aCourse.id },
        bIds: { merchant: B.merchant.id, product: bProduct.id, variant: bVariant, order: order.id, inviteToken: invite.data.token,
          line: bLine.id, mixedLine: bMixedLine.id, dispute: bDispute.id, invoice: bVat.invoice, creditNote: bVat.creditNote, course: bCourse.id, lesson: bLesson.id },
      }
      const snapshotOfB = async () => ({
        me: (await api.get("/merchant/me", B.owner)).data,
        products: (await api.get("/merchant/products", B.owner)).data,
        staff: (await api.get("/merchant/staff", B.owner)).data,
        invites: (await api.get("/merchant/invites", B.owner)).data,
        orders: (await api.get("/merchant/orders", B.owner)).data,
        lines: (await api.get(`/merchant/orders/${order.id}/lines`, B.owner)).data,
        mixedLines: (await api.get(`/merchant/orders/${mixed.id}/lines`, B.owner)).data,
        disputes: (await api.get(`/merchant/disputes/${bDispute.id}`, B.owner)).data,
        taxInvoices: (await api.get("/merchant/tax-invoices", B.owner)).data,
        course: (await api.get(`/merchant/courses/${bCourse.id}`, B.owner)).data,
        stock: (await api.get(`/admin/products/${bProduct.id}?fields=variants.inventory_items.inventory.location_levels.stocked_quantity`, admin)).data,
      })
      const before = await snapshotOfB()
      // A 404 may echo the id the attacker sent; it must never carry B's data (titles) or,
      // in a list, any of B's ids.
      const bIds = [bProduct.id, bVariant, order.id, B.merchant.id, bLine.id, bMixedLine.id, bDispute.id, bVat.invoice, bVat.creditNote, bCourse.id, bLesson.id]

      const failures: string[] = []
      for (const [route, attack] of Object.entries(ATTACKS)) {
        for (const { label, res, mayListOwnOnly } of await attack(world)) {
          const body = JSON.stringify(res.data ?? "")
          const leaked = [...(mayListOwnOnly ? bIds : []), "B secret"].filter((s) => body.includes(s))
          const refused = res.status === 403 || res.status === 404
          if (mayListOwnOnly ? !(refused || (res.status === 200 && !leaked.length)) : !refused || leaked.length) {
            failures.push(`${route} (${label}) → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
          }
        }
      }
      // Merchant staff are not admin users: the admin API refuses their token outright.
      for (const url of ["/admin/products", "/admin/merchants", `/admin/products/${bProduct.id}`, "/admin/orders"]) {
        const res = await call(api.get(url, A.owner))
        if (res.status !== 401) failures.push(`GET ${url} with a merchant token → ${res.status}`)
      }

      // Control: the same routes do work for the resources' owner, so the refusals above are scoping.
      expect((await api.get(`/merchant/products/${bProduct.id}`, B.owner)).data.product.title).toBe("B secret mug")
      expect((await api.get(`/merchant/orders/${order.id}`, B.owner)).data.order.items).toHaveLength(1)
      expect(JSON.stringify(before.stock)).toContain('"stocked_quantity":7')
      expect((await api.get(`/merchant/tax-invoices/${bVat.invoice}`, B.owner)).data.tax_invoice.supplier.name).toBe("B secret supplier")
      expect((await api.get(`/merchant/credit-notes/${bVat.creditNote}`, B.owner)).data.credit_note.reason).toBe("B secret reason")

      expect(failures).toEqual([])
      expect(await snapshotOfB()).toEqual(before)
      expect(before.products.products.map((p: any) => p.title).sort()).toEqual(["B secret course", "B secret mug", "B secret session"])
      // Control for the line routes: the owner's own move goes through.
      const own = await api.post(`/merchant/orders/${order.id}/lines/${bLine.id}/transitions`, { to: "CANCELLED", reason: "control" }, B.owner)
      expect(own.data.line.state).toBe("CANCELLED")
    })
  },
})
