import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { COURSE_ACCESS_MODULE } from "../../src/modules/course-access"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { adminProduct, approvedMerchant, Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// Issue 21 (2): a course line refunded in full through a refund route (not the buyer's REFUNDED move)
// is closed by the time the refund answers: line REFUNDED as the COURSE process says, grant revoked,
// lesson URLs refused. No waiting for a subscriber.
const API_KEY = "sk_sandbox_course_refund_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_course_refund", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_course_refund",
    COURSE_URL_SECRET: "course-refund-secret-1", FILE_PRIVATE_DIR: ".data/test-private-uploads",
  })
})
afterAll(async () => psp?.close())

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64")

async function get(url: string, auth?: Headers) {
  const res = await fetch(url, { headers: auth ? { authorization: auth.headers.authorization } : {}, redirect: "manual" })
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, json: () => JSON.parse(body.toString("utf8")) }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    /** `open`: the buyer downloads the lesson first (a download counts as finished: the line goes CONSUMED). */
    async function boughtCourse(email: string, open: boolean) {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const academy = await approvedMerchant(api, admin, `refund-academy-${email.split("@")[0]}`)
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const course = await adminProduct(api, admin, { title: "Slow breathing", amount: 40, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      const lesson = (await api.post(`/merchant/courses/${course.id}/lessons`, { kind: "file", title: "Notes", filename: "notes.txt", mime_type: "text/plain",
        content_base64: b64("Breathe in for four counts.\n"), duration_seconds: 300 }, academy.owner)).data.lesson

      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Bea", last_name: "Buyer" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      const bea: Headers = { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }

      const cart = (await api.post("/store/carts", { region_id: region.id }, bea)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, bea)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, bea)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, bea)
      const order = (await api.post(`/store/carts/${cart.id}/complete`, {}, bea)).data.order
      const [grant] = await waitFor(async () => (await api.get("/store/courses", bea)).data.courses, (cs: any[]) => cs.length > 0 && cs[0].line_state === "ACCESS_GRANTED")
      expect(grant).toEqual(expect.objectContaining({ status: "ACTIVE", line_state: "ACCESS_GRANTED" }))
      // A signed lesson URL handed out before the refund must stop working too.
      const url = (await api.post(`/store/courses/${grant.id}/lessons/${lesson.id}/url`, {}, bea)).data.url
      if (open) {
        expect((await get(url, bea)).status).toBe(200)
        await waitFor(async () => (await api.get("/store/courses", bea)).data.courses[0].line_state, (state) => state === "CONSUMED")
      }
      return { admin, academy, bea, order, grant, lesson, url }
    }

    async function expectClosed(s: Awaited<ReturnType<typeof boughtCourse>>, answered: any) {
      // The refund's own answer already shows the line closed.
      expect(answered.line).toEqual(expect.objectContaining({ state: "REFUNDED" }))
      expect(answered.line.allowed_transitions).toEqual([])
      expect(Number(answered.line.refunded_amount)).toBe(40)
      // Right after, with no wait: the buyer's line, "My courses" and the player agree.
      const [line] = (await api.get(`/store/orders/${s.order.id}/lines`, s.bea)).data.lines
      expect(line).toEqual(expect.objectContaining({ state: "REFUNDED" }))
      expect(line.history.map((h: any) => h.to).slice(-1)).toEqual(["REFUNDED"])
      const [course] = (await api.get("/store/courses", s.bea)).data.courses
      expect(course).toEqual(expect.objectContaining({ status: "REVOKED", line_state: "REFUNDED", revoked_at: expect.any(String) }))
      expect(course.refund).toEqual(expect.objectContaining({ allowed: false }))
      const grants = await (getContainer().resolve(COURSE_ACCESS_MODULE) as any).listCourseGrants({ id: s.grant.id })
      expect(grants[0].status).toBe("REVOKED")
      const asked = await failing(api.post(`/store/courses/${s.grant.id}/lessons/${s.lesson.id}/url`, {}, s.bea))
      expect(asked).toEqual({ status: 403, data: expect.objectContaining({ code: "COURSE_GRANT_REVOKED" }) })
      const old = await get(s.url, s.bea)
      expect(old.status).toBe(403)
      expect(old.json().code).toBe("COURSE_GRANT_REVOKED")
      // Nothing more to refund, and a closed line is not refunded again.
      expect((await failing(api.post(`/merchant/orders/${s.order.id}/lines/${s.grant.order_line_id}/refunds`, { reason: "again" }, s.academy.owner))).status).toBeGreaterThanOrEqual(409)
    }

    it("a merchant's full refund of a course line: REFUNDED, access revoked, URLs refused, at once", async () => {
      const s = await boughtCourse("mia@refund.test", false)
      const lineRefunds = `/merchant/orders/${s.order.id}/lines/${s.grant.order_line_id}/refunds`
      // A partial refund keeps the course open.
      const partial = (await api.post(lineRefunds, { amount: 10, reason: "goodwill" }, s.academy.owner)).data
      expect(partial.line.state).toBe("ACCESS_GRANTED")
      expect((await api.get("/store/courses", s.bea)).data.courses[0].status).toBe("ACTIVE")
      // The rest: closed.
      const full = (await api.post(lineRefunds, { reason: "customer complaint" }, s.academy.owner)).data
      await expectClosed(s, full)
    })

    it("an operator's full refund of a consumed course line in one go closes it the same way", async () => {
      const s = await boughtCourse("oli@refund.test", true)
      expect((await api.get(`/store/orders/${s.order.id}/lines`, s.bea)).data.lines[0].state).toBe("CONSUMED")
      const full = (await api.post(`/admin/orders/${s.order.id}/lines/${s.grant.order_line_id}/refunds`, { reason: "chargeback threat" }, s.admin)).data
      await expectClosed(s, full)
    })
  },
})
