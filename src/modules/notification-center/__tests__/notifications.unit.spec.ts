import { startTelegramContractServer } from "../../../../integration-tests/helpers/telegram-contract-server"
import { readerLocale } from "../../../lib/notifications/locale"
import { startMailCatcher } from "../mail-catcher"
import { classifySendError } from "../providers/errors"
import { SmtpNotificationService } from "../providers/smtp/service"
import { TelegramNotificationService } from "../providers/telegram/service"
import { redactSecrets } from "../redact"
import { renderTemplate, TEMPLATES } from "../templates"

const logger: any = { info() {}, warn() {}, error() {} }
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64")

describe("SMTP provider against a real SMTP server on loopback", () => {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>
  beforeAll(async () => { catcher = await startMailCatcher() })
  afterAll(async () => catcher.close())

  it("sends HTML + text parts and attachments; a refusing relay is a retryable error", async () => {
    const smtp = new SmtpNotificationService({ logger }, { host: "127.0.0.1", port: catcher.smtpPort, from: "Snail <no-reply@snail.test>", timeout_ms: 2000 })
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    const res = await smtp.send({
      to: "bea@buyer.test", channel: "email", template: "t",
      content: { subject: "Привет — مرحبا", html: "<p dir=\"rtl\">مرحبا</p>", text: "مرحبا" },
      attachments: [{ filename: "booking.ics", content_type: "text/calendar", content: b64(ics) }],
    })
    expect(res.id).toMatch(/@/)
    const got = await catcher.waitFor((m) => m.to.includes("bea@buyer.test"))
    expect(got.subject).toBe("Привет — مرحبا")
    expect(got.html).toContain('<p dir="rtl">مرحبا</p>')
    expect(got.text?.trim()).toBe("مرحبا")
    expect(got.attachments).toEqual([expect.objectContaining({ filename: "booking.ics", content_type: "text/calendar" })])
    expect(Buffer.from(got.attachments[0].content, "base64").toString("utf8")).toBe(ics)

    catcher.refuse = true
    const failed = await smtp.send({ to: "bea@buyer.test", channel: "email", template: "t", content: { subject: "x", text: "y" } }).catch((e) => e)
    catcher.refuse = false
    expect(failed).toBeInstanceOf(Error)
    expect(classifySendError(failed)).toEqual(expect.objectContaining({ permanent: false, retryAfterMs: undefined }))
    expect(failed.message).toMatch(/421/)
  })
})

describe("Telegram provider against the Bot API contract server", () => {
  let tg: Awaited<ReturnType<typeof startTelegramContractServer>>
  beforeAll(async () => { tg = await startTelegramContractServer({ token: "123:abc" }) })
  afterAll(async () => tg.close())
  const provider = (o: Record<string, unknown> = {}) => new TelegramNotificationService({ logger }, { token: "123:abc", api_url: tg.url, ...o })

  it("sends messages and documents (text as the caption)", async () => {
    const r = await provider().send({ to: "1001", channel: "telegram", template: "t", content: { text: "Order #7 is placed" } })
    expect(Number(r.id)).toBeGreaterThan(0)
    await provider().send({ to: "1001", channel: "telegram", template: "t", content: { text: "Booking" },
      attachments: [{ filename: "booking.ics", content_type: "text/calendar", content: b64("BEGIN:VCALENDAR") }] })
    expect(tg.sent.slice(-2)).toEqual([
      expect.objectContaining({ method: "sendMessage", chat_id: "1001", text: "Order #7 is placed" }),
      expect.objectContaining({ method: "sendDocument", chat_id: "1001", caption: "Booking", document: expect.objectContaining({ filename: "booking.ics", size: 15 }) }),
    ])
  })

  it("waits out a short 429 retry_after, hands a long one to the retry job, and treats 403 blocked as permanent", async () => {
    const before = tg.sent.length
    tg.rateLimitNext(1)
    const t0 = Date.now()
    await provider({ max_inline_wait_ms: 3000 }).send({ to: "1002", channel: "telegram", template: "t", content: { text: "hello" } })
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)
    expect(tg.sent.length).toBe(before + 1)

    tg.rateLimitNext(30)
    const limited = await provider({ max_inline_wait_ms: 3000 }).send({ to: "1002", channel: "telegram", template: "t", content: { text: "hello" } }).catch((e) => e)
    expect(classifySendError(limited)).toEqual(expect.objectContaining({ permanent: false, retryAfterMs: 30_000 }))

    tg.block("1003")
    const blocked = await provider().send({ to: "1003", channel: "telegram", template: "t", content: { text: "hello" } }).catch((e) => e)
    expect(classifySendError(blocked)).toEqual(expect.objectContaining({ permanent: true }))
    expect(blocked.message).toContain("bot was blocked by the user")

    const wrongToken = await new TelegramNotificationService({ logger }, { token: "999:zzz", api_url: tg.url })
      .send({ to: "1002", channel: "telegram", template: "t", content: { text: "x" } }).catch((e) => e)
    expect(wrongToken.message).toContain("401")
    expect(tg.sent.length).toBe(before + 1)
  })
})

describe("templates", () => {
  it("renders every template in EN, RU and AR; Arabic is right-to-left", async () => {
    for (const t of Object.values(TEMPLATES)) {
      for (const locale of ["en", "ru", "ar"] as const) {
        const r = await renderTemplate(t.name, locale, t.sample)
        expect(r.subject.length).toBeGreaterThan(3)
        expect(r.html).toContain(`lang="${locale}"`)
        expect(r.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`)
        expect(r.text.startsWith(r.subject)).toBe(true)
      }
    }
  })

  it("formats money from minor units in the reader's locale and times in the schedule's zone, named", async () => {
    const sample = TEMPLATES["booking-cancelled"].sample
    const data = { ...sample, currency_code: "kwd", fee_minor: 1250, refund_minor: 98765 }
    const ru = await renderTemplate("booking-cancelled", "ru", data)
    // 1250 fils = 1.250 KWD (exponent 3); 98 765 fils = 98.765 KWD.
    expect(ru.text).toMatch(/Плата за отмену: 1,250\s?KWD/)
    expect(ru.text).toMatch(/Возврат на карту: 98,765\s?KWD/)
    // 10:00 UTC is 14:00 in Dubai; the zone is named.
    expect(ru.text).toContain("14:00 (Персидский залив)") // the zone in the reader's words, not "Asia/Dubai"
    const en = await renderTemplate("booking-cancelled", "en", data)
    expect(en.text).toMatch(/Cancellation fee: KWD\s1\.250\n/)
    expect(en.attachments[0]).toEqual(expect.objectContaining({ filename: "booking-cancelled.ics", content_type: expect.stringContaining("text/calendar") }))
    const ar = await renderTemplate("order-placed", "ar", TEMPLATES["order-placed"].sample)
    expect(ar.subject).toBe("تم تقديم الطلب رقم 1042")
    // Right-to-left tables are mirrored by hand (clients drop `dir` on tables): the label comes after its value in the markup.
    expect(ar.html.indexOf("الإجمالي")).toBeGreaterThan(ar.html.indexOf("95.00"))
    const enOrder = await renderTemplate("order-placed", "en", TEMPLATES["order-placed"].sample)
    expect(enOrder.html.indexOf("Total")).toBeLessThan(enOrder.html.indexOf("€95.00"))
  })

  it("keeps one-time tokens out of what the log stores: raw and URL-encoded forms become [redacted]", async () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJlbnRpdHlfaWQiOiJsYXlsYSJ9.sig+/="
    const rendered = await renderTemplate("password-reset", "ar", { reset_url: `http://store.test/reset-password?token=${encodeURIComponent(token)}&email=x` })
    const stored = redactSecrets({ html: rendered.html, text: rendered.text, attachments: [] }, [token])
    expect(rendered.html).toContain(encodeURIComponent(token))
    expect(stored.html).toContain("reset-password?token=[redacted]&amp;email=x")
    expect(stored.text).toContain("token=[redacted]")
    for (const part of [stored.html!, stored.text]) expect(part).not.toContain(token.slice(0, 20))
  })

  it("never lets template data become markup", async () => {
    const r = await renderTemplate("course-access-granted", "en", { title: `<script>alert(1)</script>"`, player_url: `javascript:"><img src=x>` })
    expect(r.html).not.toContain("<script>alert(1)")
    expect(r.html).not.toContain("<img src=x>")
    expect(r.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
  })

  it("puts the settings link only on messages that can be switched off", async () => {
    const settingsUrl = "http://store.test/account?tab=notifications"
    expect((await renderTemplate("order-placed", "en", TEMPLATES["order-placed"].sample, { settingsUrl })).html).not.toContain(settingsUrl)
    expect((await renderTemplate("merchant-new-order-lines", "en", TEMPLATES["merchant-new-order-lines"].sample, { settingsUrl })).html).toContain(settingsUrl)
  })
})

describe("reader locale", () => {
  it("prefers stored metadata, then the country, then English", () => {
    expect(readerLocale({ metadata: [null, { locale: "ar" }], countryCodes: ["ru"] })).toBe("ar")
    expect(readerLocale({ metadata: [{ locale: "de" }], countryCodes: ["RU"] })).toBe("ru")
    expect(readerLocale({ countryCodes: [undefined, "ae"] })).toBe("ar")
    expect(readerLocale({ countryCodes: ["de"] })).toBe("en")
  })
})
