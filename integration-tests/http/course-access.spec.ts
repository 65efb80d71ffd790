import fs from "node:fs"
import path from "node:path"
import { inflateSync } from "node:zlib"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PDFDocument } from "pdf-lib"
import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"
import { signAsset, signedQuery } from "../../src/lib/course-access/signing"
import { signOrderToken, verifyOrderToken } from "../../src/lib/orders/order-link"
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
// Two 60 s segments: the video lesson lasts 120 s (its playlist's EXTINF sum).
const PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:60\n#EXTINF:60.0,\nseg0.ts\n#EXTINF:60.0,\nseg1.ts\n#EXT-X-ENDLIST\n"
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

      // Merchant staff set the policy and upload three lessons: a text file (reading time set to
      // 300 s), a PDF (no reading time: the platform default, 600 s) and a 120 s 2-segment HLS video.
      const c = `/merchant/courses/${course.id}`
      await api.post(`${c}/policy`, { delivery: "STREAM", refund_days: 14, consumption_threshold_pct: 30, access_days: 365 }, academy.owner)
      const text = (await api.post(`${c}/lessons`, { kind: "file", title: "Notes", filename: "notes.txt", mime_type: "text/plain",
        content_base64: b64("Breathe in for four counts.\n"), duration_seconds: 300 }, academy.owner)).data.lesson
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

      // The two downloads above consumed those two lessons, and only them: (300 + 600) of 1020 s = 88 %
      // (floor of 88.2), past the 30 % threshold; refund refused with the reason.
      const after = (await api.get(`/store/courses/${mine.id}`, bea)).data.course
      expect(after.consumed_percent).toBe(88)
      expect(after.lessons.map((l: any) => [l.watched_seconds, l.duration_seconds, l.completed])).toEqual([[300, 300, true], [600, 600, true], [0, 120, false]])
      expect(after.refund).toEqual(expect.objectContaining({ allowed: false, code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" }))
      const refused = await failing(api.post(`/store/courses/${mine.id}/refund`, { reason: "changed my mind" }, bea))
      expect(refused).toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" }) })
      // The generic line route cannot bypass the rule either.
      const bypass = await failing(api.post(`/store/orders/${order.id}/lines/${mine.order_line_id}/transitions`, { to: "REFUNDED" }, bea))
      expect(bypass).toEqual({ status: 409, data: expect.objectContaining({ code: "TRANSITION_GUARD_FAILED" }) })

      // The whole video played (one 120 s interval): everything is consumed and the line is CONSUMED.
      const done = await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/progress`, { intervals: [[0, 120]], position_seconds: 120 }, bea)
      expect(done.data.course).toEqual(expect.objectContaining({ consumed_percent: 100, line_state: "CONSUMED", refundable: false }))
      expect((await myCourses(bea))[0].lessons.map((l: any) => l.completed)).toEqual([true, true, true])

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
      // 29 s of the 120 s video: 29 / 1020 s of the course = 2 % (floor of 2.8), below the threshold.
      const beat = await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/progress`, { intervals: [[0, 29]], position_seconds: 29 }, cleo)
      expect(beat.data.course).toEqual(expect.objectContaining({ consumed_percent: 2, refundable: true }))

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

    it("consumes unique watched seconds ÷ total seconds: opening is not consuming, heartbeats merge, a download is its lesson only", async () => {
      const { pk, region, course, academy, lessons } = await shop()
      // The refund threshold comes from the platform setting when the policy sets none.
      await api.post(`/merchant/courses/${course.id}/policy`, { consumption_threshold_pct: null }, academy.owner)
      const previousSetting = process.env.COURSE_REFUND_MAX_CONSUMED_PERCENT
      process.env.COURSE_REFUND_MAX_CONSUMED_PERCENT = "40"
      try {
        const eve = await buyer(pk, "eve@buyer.test")
        const order = await checkout(eve, region.id, [course.variants[0].id])
        const [mine] = await granted(eve)
        // Durations: text 300 s (merchant-set), PDF 600 s (platform default), video 120 s (EXTINF 60 + 60).
        // Total 1020 s; different durations weigh differently.
        expect(mine.lessons.map((l: any) => [l.duration_seconds, l.watched_seconds, l.position_seconds])).toEqual([[300, 0, null], [600, 0, null], [120, 0, null]])
        expect(mine.policy).toEqual(expect.objectContaining({ consumption_threshold_pct: 40, consumption_threshold_is_default: true }))
        // A video's duration is its media's: the merchant cannot set it.
        expect(await failing(api.post(`/merchant/courses/${course.id}/lessons/${lessons.video.id}`, { duration_seconds: 10 }, academy.owner)))
          .toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_LESSON_DURATION_FROM_MEDIA" }) })

        // Opening every lesson (asking for its URL) and loading the playlist and its segments consume nothing.
        for (const l of [lessons.text, lessons.pdf, lessons.video]) await api.post(`/store/courses/${mine.id}/lessons/${l.id}/url`, {}, eve)
        const playlistUrl = new URL((await api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/url`, {}, eve)).data.url)
        const segUrls = (await get(playlistUrl.href, eve)).body.toString("utf8").split("\n").filter((l) => l && !l.startsWith("#"))
        for (const u of segUrls) expect((await get(new URL(u, playlistUrl).href, eve)).status).toBe(200)
        expect((await api.get(`/store/courses/${mine.id}`, eve)).data.course.consumed_percent).toBe(0)

        const beat = (body: unknown, h = eve) => api.post(`/store/courses/${mine.id}/lessons/${lessons.video.id}/progress`, body, h)
        // Heartbeats: [0,30] then [20,50] + [45,60] overlap it: the union is [0,60] = 60 s, not 30 + 30 + 15 = 75.
        await beat({ intervals: [[0, 30]], position_seconds: 30 })
        const second = await beat({ intervals: [[20, 50], [45, 60]], position_seconds: 60 })
        expect(second.data.lesson).toEqual({ id: lessons.video.id, watched_seconds: 60, duration_seconds: 120, position_seconds: 60, completed: false })
        // 60 / 1020 = 5.88 % → 5 %; refund still allowed.
        expect(second.data.course).toEqual(expect.objectContaining({ consumed_percent: 5, refundable: true, refund_reason_code: null, refund_reason: null }))
        // The same heartbeat again (a retry) adds nothing; [100,130] is clamped to the 120 s end: [100,120] = +20 s.
        await beat({ intervals: [[20, 50], [45, 60]], position_seconds: 60 })
        const clamped = await beat({ intervals: [[100, 130]], position_seconds: 130 })
        // 80 / 1020 = 7.8 % → 7 %; the position is clamped to the duration.
        expect(clamped.data.lesson).toEqual(expect.objectContaining({ watched_seconds: 80, position_seconds: 120, completed: false }))
        expect(clamped.data.course.consumed_percent).toBe(7)

        // Bad heartbeats: 400 with their codes, nothing recorded.
        const bad = [
          [{ intervals: [[10, 5]] }, "COURSE_PROGRESS_INTERVAL_INVALID"],
          [{ intervals: [[7, 7]] }, "COURSE_PROGRESS_INTERVAL_INVALID"],
          [{ intervals: [[0, 121]] }, "COURSE_PROGRESS_INTERVAL_TOO_LONG"],
          [{ intervals: Array.from({ length: 51 }, (_, i) => [i, i + 1]) }, "COURSE_PROGRESS_TOO_MANY_INTERVALS"],
          [{ intervals: [["0", 5]] }, "INVALID_FIELD"],
          [{ intervals: [[0, 5, 9]] }, "INVALID_FIELD"],
          [{ intervals: [], percent: 100 }, "UNKNOWN_FIELD"],
        ] as const
        for (const [body, code] of bad) expect(await failing(beat(body))).toEqual({ status: 400, data: expect.objectContaining({ code }) })
        // Another buyer cannot report on this grant.
        const mal = await buyer(pk, "mal@buyer.test")
        expect((await failing(beat({ intervals: [[0, 120]] }, mal))).status).toBe(404)
        const resume = (await api.get(`/store/courses/${mine.id}`, eve)).data.course
        expect(resume.lessons[2]).toEqual(expect.objectContaining({ position_seconds: 120, watched_seconds: 80, duration_seconds: 120 }))
        expect(resume.consumed_percent).toBe(7)

        // Downloading the text file consumes that lesson, all 300 s of it, and no other:
        // (300 + 80) / 1020 = 37.25 % → 37 %, below the 40 % setting: refund still allowed.
        expect((await get((await api.post(`/store/courses/${mine.id}/lessons/${lessons.text.id}/url`, {}, eve)).data.url, eve)).status).toBe(200)
        const downloaded = (await api.get(`/store/courses/${mine.id}`, eve)).data.course
        expect(downloaded.consumed_percent).toBe(37)
        expect(downloaded.lessons.map((l: any) => l.watched_seconds)).toEqual([300, 0, 80])
        expect(downloaded.refund).toEqual(expect.objectContaining({ allowed: true }))

        // The rest of the video ([60,100] closes the gap [60,100)): 300 + 120 = 420 / 1020 = 41.2 % → 41 % ≥ 40 %: refused.
        const over = await beat({ intervals: [[60, 100]], position_seconds: 100 })
        expect(over.data.lesson).toEqual(expect.objectContaining({ watched_seconds: 120, completed: true }))
        expect(over.data.course).toEqual(expect.objectContaining({ consumed_percent: 41, refundable: false, refund_reason_code: "COURSE_REFUND_CONSUMPTION_EXCEEDED", line_state: "ACCESS_GRANTED" }))
        expect(await failing(api.post(`/store/courses/${mine.id}/refund`, {}, eve))).toEqual({ status: 422, data: expect.objectContaining({ code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" }) })

        // Downloading the PDF completes the course (1020 / 1020): the line moves to CONSUMED through the line engine, as the system.
        expect((await get((await api.post(`/store/courses/${mine.id}/lessons/${lessons.pdf.id}/url`, {}, eve)).data.url, eve)).status).toBe(200)
        const consumed = (await api.get(`/store/courses/${mine.id}`, eve)).data.course
        expect(consumed).toEqual(expect.objectContaining({ consumed_percent: 100, line_state: "CONSUMED" }))
        const history = await (getContainer().resolve(ORDER_LINES_MODULE) as any).listOrderLineTransitions({ line_id: mine.order_line_id })
        expect(history.filter((t: any) => t.to_state === "CONSUMED")).toEqual([expect.objectContaining({ from_state: "ACCESS_GRANTED", actor_type: "system" })])
        expect(order.id).toBe(mine.order_id)
      } finally {
        if (previousSetting === undefined) delete process.env.COURSE_REFUND_MAX_CONSUMED_PERCENT
        else process.env.COURSE_REFUND_MAX_CONSUMED_PERCENT = previousSetting
      }
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

    it("a guest's course order: the checkout answer carries its signed link; the buyer claims it into an account, never by email alone", async () => {
      const { pk, region, course } = await shop()
      // A guest: no account, only the cart's email.
      const guest: Headers = { headers: { "x-publishable-api-key": pk } }
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "gil@buyer.test" }, guest)).data.cart
      const added = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, guest)).data.cart
      // A course is bought once: a second copy, a quantity of 2 or raising the line's quantity is refused.
      const again = await failing(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: course.variants[0].id, quantity: 1 }, guest))
      expect(again).toEqual({ status: 409, data: expect.objectContaining({ code: "COURSE_ALREADY_IN_CART" }) })
      const two = await failing(api.post(`/store/carts/${cart.id}/line-items/${added.items[0].id}`, { quantity: 2 }, guest))
      expect(two).toEqual({ status: 400, data: expect.objectContaining({ code: "COURSE_ONE_COPY", field: "quantity" }) })
      expect((await api.get(`/store/carts/${cart.id}`, guest)).data.cart.items.map((i: any) => i.quantity)).toEqual([1])
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, guest)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, guest)
      const placed = (await api.post(`/store/carts/${cart.id}/complete`, {}, guest)).data
      expect(placed.type).toBe("order")
      const order = placed.order
      const token: string = placed.order_link.token
      expect(verifyOrderToken(order.id, token)).toBe(true)

      // The confirmation page reads the order with the link; without it the guest sees nothing.
      expect((await api.get(`/store/orders/${order.id}?token=${token}`, guest)).data.order.id).toBe(order.id)
      expect((await failing(api.get(`/store/orders/${order.id}`, guest))).status).toBe(404)
      const courses: any = getContainer().resolve(COURSE_ACCESS_MODULE)
      const [grant] = await waitFor(() => courses.listCourseGrants({ order_id: order.id }), (gs: any[]) => gs.length === 1)
      const guestCustomerId = grant.customer_id

      // Registering with the same email is not enough: the order is not theirs until they show the link.
      const gil = await buyer(pk, "gil@buyer.test")
      expect(await myCourses(gil)).toEqual([])
      expect((await failing(api.get(`/store/orders/${order.id}`, gil))).status).toBe(404)
      const claim = (h: Headers, t: string) => api.post(`/store/orders/${order.id}/claim`, { token: t }, h)
      expect(await failing(claim(gil, signOrderToken("order_other")))).toEqual({ status: 404, data: expect.objectContaining({ code: "NOT_FOUND" }) })
      expect((await failing(claim(guest, token))).status).toBe(401)
      expect(await failing(api.post(`/store/orders/${order.id}/claim`, { token, email: "x" }, gil))).toEqual({ status: 400, data: expect.objectContaining({ code: "UNKNOWN_FIELD" }) })

      // With the link: the order and its course move to the account (Medusa's transfer), once.
      expect((await claim(gil, token)).data).toEqual({ order_id: order.id, claimed: true })
      expect((await claim(gil, token)).data).toEqual({ order_id: order.id, claimed: true })
      const me = (await api.get("/store/customers/me", gil)).data.customer
      expect((await api.get(`/store/orders/${order.id}?fields=id,customer_id`, gil)).data.order.customer_id).toBe(me.id)
      expect(me.id).not.toBe(guestCustomerId)
      const [mine] = await myCourses(gil)
      expect(mine).toEqual(expect.objectContaining({ order_id: order.id, status: "ACTIVE" }))
      expect(await courses.listCourseGrants({ order_id: order.id, customer_id: guestCustomerId })).toEqual([])

      // Someone else holding the same link cannot take it from the account.
      const eve = await buyer(pk, "eve@buyer.test")
      expect(await failing(claim(eve, token))).toEqual({ status: 409, data: expect.objectContaining({ code: "ORDER_IN_ANOTHER_ACCOUNT" }) })
      expect(await myCourses(eve)).toEqual([])
    })
  },
})
