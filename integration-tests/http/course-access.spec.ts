import fs from "node:fs"
import path from "node:path"
import { inflateSync } from "node:zlib"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PDFDocument } from "pdf-lib"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { signAsset, signedQuery } from "../../src/lib/course-access/signing"
import { simplePdf } from "../../src/lib/course-access/watermark"
import { COURSE_ACCESS_MODULE } from "../../src/modules/course-access"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { courseSigningKeys } from "../../src/workflows/course-access/config"
import { failing } from "../helpers/admin"
import { checkoutActors } from "../helpers/checkout"
import { adminProduct, approvedMerchant, Headers } from "../helpers/merchants"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

const API_KEY = "sk_sandbox_course_test"
let psp: Awaited<ReturnType<typeof startSandboxPsp>>
beforeAll(async () => {
  psp = await startSandboxPsp({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_course_test", webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
  Object.assign(process.env, {
    SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: API_KEY, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_course_test",
    COURSE_URL_SECRET: "course-test-secret-1", FILE_PRIVATE_DIR: ".data/test-private-uploads",
  })
})
afterAll(async () => psp?.close())

const intent = async (id: string) => (await fetch(`${psp.url}/v1/payment_intents/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()

/** A real HTTP GET (not axios: binary bodies and plain status codes), optionally as a signed-in buyer. */
async function get(url: string, auth?: Headers) {
  const res = await fetch(url, { headers: auth ? { authorization: auth.headers.authorization } : {}, redirect: "manual" })
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, body, type: res.headers.get("content-type"), json: () => JSON.parse(body.toString("utf8")) }
}

function pdfText(pdf: Buffer): string {
  const s = pdf.toString("latin1")
  const out: string[] = []
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length
    const raw = pdf.subarray(start, s.indexOf("endstream", start))
    try { out.push(inflateSync(raw).toString("latin1")) } catch { out.push(raw.toString("latin1")) }
  }
  return out.join("\n")
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64")
const PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg0.ts\n#EXTINF:2.0,\nseg1.ts\n#EXT-X-ENDLIST\n"
const SEG0 = Buffer.from([0x47, 0x40, 0x00, 0x10, 1, 2, 3])
const SEG1 = Buffer.from([0x47, 0x40, 0x00, 0x10, 4, 5, 6])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    async function shop() {
      const { admin, store, salesChannelId } = await checkoutActors(getContainer(), api)
      const pk = store.headers["x-publishable-api-key"]
      const academy = await approvedMerchant(api, admin, "slow-academy-test")
      const goods = await approvedMerchant(api, admin, "snail-goods-test")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const course = await adminProduct(api, admin, { title: "Slow breathing", amount: 40, salesChannelId, merchantId: academy.merchant.id, kind: "COURSE" })
      const lamp = await adminProduct(api, admin, { title: "Snail lamp", amount: 25, salesChannelId, merchantId: goods.merchant.id, kind: "PHYSICAL" })

      // Merchant staff set the policy and upload three lessons: a text file, a PDF and a 2-segment HLS video.
      const c = `/merchant/courses/${course.id}`
      await api.post(`${c}/policy`, { delivery: "STREAM", refund_days: 14, consumption_threshold_pct: 30, access_days: 365 }, academy.owner)
      const text = (await api.post(`${c}/lessons`, { kind: "file", title: "Notes", filename: "notes.txt", mime_type: "text/plain",
        content_base64: b64("Breathe in for four counts.\n") }, academy.owner)).data.lesson
      const pdf = (await api.post(`${c}/lessons`, { kind: "file", title: "Workbook", filename: "workbook.pdf", mime_type: "application/pdf",
        content_base64: b64(await simplePdf("Workbook", ["Exercise 1"])) }, academy.owner)).data.lesson
      const video = (await api.post(`${c}/lessons`, { kind: "hls", title: "Video", playlist: PLAYLIST,
        segments: [{ name: "seg0.ts", content_base64: b64(SEG0) }, { name: "seg1.ts", content_base64: b64(SEG1) }] }, academy.owner)).data.lesson
      return { admin, pk, academy, goods, region, course, lamp, lessons: { text, pdf, video } }
    }

    async function buyer(pk: string, email: string): Promise<Headers> {
      const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
      await api.post("/store/customers", { email, first_name: "Bea", last_name: "Buyer" }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
      return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
    }

    async function checkout(h: Headers, regionId: string, variantIds: string[]) {
      const cart = (await api.post("/store/carts", { region_id: regionId }, h)).data.cart
      for (const v of variantIds) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v, quantity: 1 }, h)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, h)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, h)
      const placed = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(placed.data.type).toBe("order")
      return placed.data.order
    }

    const myCourses = async (h: Headers) => (await api.get("/store/courses", h)).data.courses
    const granted = (h: Headers) => waitFor(() => myCourses(h), (cs: any[]) => cs.length > 0 && cs[0].line_state === "ACCESS_GRANTED")

    it("grants a paid course once, serves watermarked downloads and signed HLS, refuses bad URLs and late refunds", async () => {
      const { admin, pk, region, course, lamp, lessons } = await shop()
      const bea = await buyer(pk, "bea@buyer.test")
      const order = await checkout(bea, region.id, [course.variants[0].id, lamp.variants[0].id])

      // Paid: the course line is granted and captured at the PSP; the lamp line waits for its merchant.
      const [mine] = await granted(bea)
      expect(mine).toEqual(expect.objectContaining({ status: "ACTIVE", consumption_pct: 0, order_id: order.id, line_state: "ACCESS_GRANTED" }))
      expect(mine.product.title).toBe("Slow breathing")
      expect(mine.lessons.map((l: any) => l.title)).toEqual(["Notes", "Workbook", "Video"])
      expect(mine.refund).toEqual(expect.objectContaining({ allowed: true }))
      const full = (await api.get(`/admin/orders/${order.id}?fields=display_id,payment_collections.payments.data`, admin)).data.order
      // Capture is the grant move's last effect: the subscriber's workflow may still be finishing it.
      const captured = await waitFor(() => intent(full.payment_collections[0].payments[0].data.intent_id), (i: any) => i.amount_captured > 0)
      expect(captured).toEqual(expect.objectContaining({ amount: 6500, amount_captured: 4000 }))

      // The payment event arrives again: nothing changes (one grant, one ACCESS_GRANTED move, one capture).
      const container = getContainer()
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((r) => setTimeout(r, 1500))
      const grants = await (container.resolve(COURSE_ACCESS_MODULE) as any).listCourseGrants({ order_id: order.id })
      expect(grants).toHaveLength(1)
      const lineHistory = await (container.resolve(ORDER_LINES_MODULE) as any).listOrderLineTransitions({ line_id: mine.order_line_id })
      expect(lineHistory.filter((t: any) => t.to_state === "ACCESS_GRANTED")).toHaveLength(1)
      expect(await intent(full.payment_collections[0].payments[0].data.intent_id)).toEqual(expect.objectContaining({ amount_captured: 4000 }))

      const urlFor = async (lessonId: string, h = bea) => (await api.post(`/store/courses/${mine.id}/lessons/${lessonId}/url`, {}, h)).data

      // A real download of the text lesson carries the buyer and the order number.
      const textUrl = (await urlFor(lessons.text.id)).url
      const text = await get(textUrl, bea)
      expect(text.status).toBe(200)
      expect(text.body.toString("utf8")).toBe(`# Licensed to Bea Buyer <bea@buyer.test> - order #${full.display_id} - ${grants[0].watermark_token}\n# Personal copy: do not redistribute.\n\nBreathe in for four counts.\n`)

      // The PDF is watermarked on its page and still a PDF.
      const pdf = await get((await urlFor(lessons.pdf.id)).url, bea)
      expect(pdf.status).toBe(200)
      expect(pdf.type).toContain("application/pdf")
      expect((await PDFDocument.load(pdf.body)).getPageCount()).toBe(1)
      expect(pdfText(pdf.body)).toContain(Buffer.from(`Licensed to Bea Buyer <bea@buyer.test> - order #${full.display_id}`, "latin1").toString("hex").toUpperCase())

      // HLS: the playlist names each segment by its own signed URL and carries the grant's token; segments play.
      const playlistUrl = new URL((await urlFor(lessons.video.id)).url)
      const playlist = await get(playlistUrl.href, bea)
      expect(playlist.status).toBe(200)
      expect(playlist.type).toContain("mpegurl")
      const lines = playlist.body.toString("utf8").split("\n")
      expect(lines).toContain(`#EXT-X-SESSION-DATA:DATA-ID="com.snailmarketplace.watermark",VALUE="${grants[0].watermark_token}"`)
      const segUrls = lines.filter((l) => l && !l.startsWith("#"))
      expect(segUrls).toHaveLength(2)
      expect(segUrls[0]).toMatch(new RegExp(`^/course-assets/${mine.id}/${lessons.video.id}/seg0\\.ts\\?exp=\\d+&kid=\\w+&sig=`))
      const seg0 = await get(new URL(segUrls[0], playlistUrl).href, bea)
      const seg1 = await get(new URL(segUrls[1], playlistUrl).href, bea)
      expect([seg0.status, seg1.status]).toEqual([200, 200])
      // Players send the buyer's Authorization header cross-origin: the preflight allows it.
      const preflight = await fetch(new URL(segUrls[0], playlistUrl).href, { method: "OPTIONS", headers: { origin: "http://storefront.test", "access-control-request-method": "GET", "access-control-request-headers": "authorization" } })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization")
      expect(seg0.body.equals(SEG0) && seg1.body.equals(SEG1)).toBe(true)

      // Refused, each with its code, each logged: tampered, expired, other buyer, segment signature reused for another segment.
      const tampered = new URL(textUrl)
      tampered.pathname = tampered.pathname.replace(lessons.text.id, lessons.pdf.id)
      const expiredSig = signAsset(courseSigningKeys(), mine.id, lessons.text.id, 60, new Date(Date.now() - 120_000))
      const expired = `${new URL(textUrl).origin}/course-assets/${mine.id}/${lessons.text.id}?${signedQuery(expiredSig)}`
      const otto = await buyer(pk, "otto@buyer.test")
      const crossSegment = new URL(segUrls[0].replace("seg0.ts", "seg1.ts"), playlistUrl).href
      const refusals = [
        [await get(tampered.href), "COURSE_URL_TAMPERED"],
        [await get(textUrl.replace(/sig=[^&]+/, "sig=AAAA")), "COURSE_URL_TAMPERED"],
        [await get(expired), "COURSE_URL_EXPIRED"],
        // Bound to the buyer (issue 17 §6): the same valid link, shared with another signed-in
        // person or opened without signing in, is refused; so is a segment link from the playlist.
        [await get(textUrl, otto), "COURSE_URL_WRONG_BUYER"],
        [await get(textUrl), "COURSE_URL_SIGN_IN_REQUIRED"],
        [await get(new URL(segUrls[0], playlistUrl).href), "COURSE_URL_SIGN_IN_REQUIRED"],
        [await get(new URL(segUrls[1], playlistUrl).href, otto), "COURSE_URL_WRONG_BUYER"],
        [await get(crossSegment), "COURSE_URL_TAMPERED"],
      ] as const
      for (const [res, code] of refusals) {
        expect(res.status).toBe(403)
        expect(res.json()).toEqual(expect.objectContaining({ code }))
      }
      expect((await failing(api.get(`/store/courses/${mine.id}`, otto))).status).toBe(404)
      expect((await failing(api.post(`/store/courses/${mine.id}/lessons/${lessons.text.id}/url`, {}, otto))).status).toBe(404)
      const adminGrants = (await api.get(`/admin/course-grants?order_id=${order.id}`, admin)).data.grants
      expect(adminGrants).toEqual([expect.objectContaining({ id: mine.id, status: "ACTIVE", refused_attempts: refusals.length })])

      // The asset files are private: not under static/, not served by the static route.
      const files = (await (container.resolve(COURSE_ACCESS_MODULE) as any).listCourseLessons({ product_id: course.id })).map((l: any) => l.file_id)
      for (const key of files) {
        expect(fs.existsSync(path.resolve(".data/test-private-uploads", key))).toBe(true)
        expect(fs.existsSync(path.resolve("static", key))).toBe(false)
        expect((await get(`${new URL(textUrl).origin}/static/${key}`)).status).toBe(404)
      }

      // Progress: the whole text lesson (1 of 3 lessons → 33 %) crosses the 30 % threshold; refund refused with the reason.
      const progress = await api.post(`/store/courses/${mine.id}/lessons/${lessons.text.id}/progress`, { percent: 100 }, bea)
      expect(progress.data.course).toEqual(expect.objectContaining({ consumption_pct: 33 }))
      expect(progress.data.course.refund).toEqual(expect.objectContaining({ allowed: false, code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" }))
      const refused = await failing(api.post(`/store/courses/${mine.id}/refund`, { reason: "changed my mind" }, bea))
      expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" }) })
      // The generic line route cannot bypass the rule either.
      const bypass = await failing(api.post(`/store/orders/${order.id}/lines/${mine.order_line_id}/transitions`, { to: "REFUNDED" }, bea))
      expect(bypass).toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_GUARD_FAILED" }) })
      // Progress never goes back down.
      const rewound = await api.post(`/store/courses/${mine.id}/lessons/${lessons.text.id}/progress`, { percent: 10 }, bea)
      expect(rewound.data.course.consumption_pct).toBe(33)

      // Everything watched: the line is CONSUMED.
      await api.post(`/store/courses/${mine.id}/lessons/${lessons.pdf.id}/progress`, { percent: 100 }, bea)
      const done = await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/progress`, { percent: 100, position_seconds: 4 }, bea)
      expect(done.data.course).toEqual(expect.objectContaining({ consumption_pct: 100, line_state: "CONSUMED" }))
      expect(done.data.course.lessons.map((l: any) => l.percent)).toEqual([100, 100, 100])

      // An operator revokes: an already-issued URL stops working at once.
      const fresh = (await urlFor(lessons.text.id)).url
      expect((await get(fresh, bea)).status).toBe(200)
      await api.post(`/admin/course-grants/${mine.id}/revoke`, { reason: "chargeback received" }, admin)
      const afterRevoke = await get(fresh, bea)
      expect(afterRevoke.status).toBe(403)
      expect(afterRevoke.json().code).toBe("COURSE_GRANT_REVOKED")
      expect((await myCourses(bea))[0]).toEqual(expect.objectContaining({ status: "REVOKED", reason: "chargeback received" }))
    })

    it("refunds inside the window below the threshold: the line is REFUNDED, money returned, access revoked", async () => {
      const { pk, region, course, lessons } = await shop()
      const cleo = await buyer(pk, "cleo@buyer.test")
      const order = await checkout(cleo, region.id, [course.variants[0].id])
      const [mine] = await granted(cleo)
      const url = (await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/url`, {}, cleo)).data.url
      expect((await get(url, cleo)).status).toBe(200)
      // 29 % of the video (≈ 9 % of the course) is below the threshold.
      await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/progress`, { percent: 29 }, cleo)

      const refunded = await api.post(`/store/courses/${mine.id}/refund`, { reason: "not for me" }, cleo)
      expect(refunded.data.course).toEqual(expect.objectContaining({ status: "REVOKED", line_state: "REFUNDED" }))
      expect(refunded.data.course.refund).toEqual(expect.objectContaining({ allowed: false, code: "COURSE_REFUND_NOT_POSSIBLE" }))
      const revoked = await get(url, cleo)
      expect(revoked.status).toBe(403)
      expect(revoked.json().code).toBe("COURSE_GRANT_REVOKED")
      const line = (await api.get(`/store/orders/${order.id}/lines`, cleo)).data.lines[0]
      expect(Number(line.refunded_amount)).toBe(40)
      // Asking twice is refused, not refunded twice.
      expect(await failing(api.post(`/store/courses/${mine.id}/refund`, {}, cleo))).toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_REFUND_NOT_POSSIBLE" }) })
    })

    it("refuses a refund exactly at the end of the refund window; caps concurrent devices", async () => {
      const { pk, region, course, academy, lessons } = await shop()
      const dan = await buyer(pk, "dan@buyer.test")
      const order = await checkout(dan, region.id, [course.variants[0].id])
      const [mine] = await granted(dan)
      // Move the grant back so that its 14-day window ends now (the end instant is closed).
      const courses: any = getContainer().resolve(COURSE_ACCESS_MODULE)
      await courses.updateCourseGrants({ id: mine.id, granted_at: new Date(Date.now() - 14 * 24 * 3600 * 1000) })
      const refused = await failing(api.post(`/store/courses/${mine.id}/refund`, {}, dan))
      expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_REFUND_WINDOW_CLOSED" }) })
      expect((await myCourses(dan))[0].refund).toEqual(expect.objectContaining({ allowed: false, code: "COURSE_REFUND_WINDOW_CLOSED" }))

      // max_sessions = 1: a second device is refused while the first is active; the first goes on.
      await api.post(`/merchant/courses/${course.id}/policy`, { max_sessions: 1 }, academy.owner)
      const ask = (device: string) => api.post(`/store/courses/${mine.id}/lessons/${lessons.text.id}/url`, { device_id: device }, dan)
      expect((await ask("laptop-0001")).status).toBe(200)
      expect(await failing(ask("phone-00002"))).toEqual({ status: 409, data: expect.objectContaining({ code: "COURSE_SESSION_LIMIT" }) })
      expect((await ask("laptop-0001")).status).toBe(200)

      // A merchant refund outside the REFUNDED move: a partial one keeps access, the rest revokes it.
      const lineRefunds = `/merchant/orders/${order.id}/lines/${mine.order_line_id}/refunds`
      await api.post(lineRefunds, { amount: 10, reason: "goodwill" }, academy.owner)
      await new Promise((r) => setTimeout(r, 1000))
      expect((await myCourses(dan))[0].status).toBe("ACTIVE")
      await api.post(lineRefunds, { reason: "customer complaint" }, academy.owner)
      const revoked = await waitFor(() => myCourses(dan), (cs: any[]) => cs[0].status === "REVOKED")
      expect(revoked[0]).toEqual(expect.objectContaining({ status: "REVOKED", reason: "refunded: customer complaint" }))
    })
  },
})
