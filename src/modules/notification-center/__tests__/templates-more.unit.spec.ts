import { renderTemplate, TEMPLATES } from "../templates"
import { isTransactional, NOTIFICATION_TYPES } from "../types"

/** Issue 19's remaining kinds: words per locale, figures from minor units, no raw codes, attachments. */
const NEW = ["line-delivered", "booking-rescheduled", "return-accepted", "dispute-reply", "dispute-resolved", "payment-failed", "fiscal-receipt",
  "tax-invoice", "merchant-booking-cancelled", "merchant-dispute-replied", "admin-reconciliation-mismatch", "admin-fiscal-receipt-failed"]
const settingsUrl = "http://store.test/account?tab=notifications"
const render = (name: string, locale: "en" | "ru" | "ar", patch: Record<string, unknown> = {}) =>
  renderTemplate(name, locale, { ...TEMPLATES[name].sample, ...patch }, { settingsUrl })

describe("templates for the remaining kinds", () => {
  it("exist with a known type; buyers' facts are transactional (no unsubscribe link), heads-ups to staff carry one", async () => {
    for (const name of NEW) {
      const t = TEMPLATES[name]
      expect(t).toBeDefined()
      expect(NOTIFICATION_TYPES[t.type]).toBeDefined()
      const r = await render(name, "en")
      expect(r.text.includes(settingsUrl)).toBe(!isTransactional(t.type))
    }
    expect(["LINE_DELIVERED", "BOOKING_RESCHEDULED", "RETURN_ACCEPTED", "DISPUTE_UPDATED", "PAYMENT_FAILED", "FISCAL_RECEIPT", "TAX_DOCUMENT", "MERCHANT_DISPUTE_REPLIED"]
      .every(isTransactional)).toBe(true)
    expect(["MERCHANT_BOOKING_CANCELLED", "ADMIN_RECONCILIATION_MISMATCH", "ADMIN_FISCAL_RECEIPT_FAILED"].some(isTransactional)).toBe(false)
  })

  it("never shows a raw code: outcomes, settlements and mismatch kinds are words in each language", async () => {
    for (const name of NEW) {
      for (const locale of ["en", "ru", "ar"] as const) {
        const r = await render(name, locale)
        expect(r.text).not.toMatch(/\b(RESOLVED_REFUND|REJECTED|prepayment|missing_in_books|sell_refund|INVOICE|CREDIT_NOTE|ZERO_RATED)\b/)
        expect(r.text).not.toMatch(/\{\w+\}/) // every placeholder filled
      }
    }
    const ru = await render("fiscal-receipt", "ru")
    expect(ru.text).toContain("Чек: Предоплата 100%")
    const refund = await render("fiscal-receipt", "en", { settlement: "refund" })
    expect(refund.subject).toBe("Refund receipt for order #1042")
    expect(refund.text).toContain("Receipt: Refund")
    const recon = await render("admin-reconciliation-mismatch", "ru")
    expect(recon.text).toContain("Расходятся суммы списаний: 2")
    expect(recon.text).toContain("Есть у платёжного провайдера, нет в нашем учёте: 1")
    const rejected = await render("dispute-resolved", "en", { outcome: "REJECTED", note: null })
    expect(rejected.text).toContain("decided not to refund it")
    expect(rejected.text).not.toContain("Refunded to your card")
  })

  it("formats money from minor units per locale, and times in the named zone", async () => {
    // 1013 cents = 10.13 EUR; 44 850 kopecks = 448.50 RUB; 26 250 fils = 262.50 AED.
    expect((await render("payment-failed", "en")).text).toContain("Amount: €10.13")
    expect((await render("payment-failed", "ru")).text).toMatch(/Сумма: 10,13\s€/)
    expect((await render("fiscal-receipt", "ru")).text).toMatch(/Сумма: 448,50\s₽/)
    // 13:20 UTC is 16:20 in Moscow: a Russian receipt's time, the zone named.
    expect((await render("fiscal-receipt", "ru")).text).toContain("16:20 (Москва, стандартное время)")
    const tax = await render("tax-invoice", "en")
    expect(tax.text).toMatch(/Total incl\. VAT: AED\s262\.50/)
    expect(tax.text).toMatch(/VAT: AED\s12\.50/)
    const moved = await render("booking-rescheduled", "en")
    // 07:00 UTC is 11:00 in Dubai, 10:00 UTC was 14:00.
    expect(moved.text).toMatch(/New time: .*11:00 \(Gulf Standard Time\)/)
    expect(moved.text).toMatch(/Was: .*14:00 \(Gulf Standard Time\)/)
    expect((await render("merchant-booking-cancelled", "en", { fee_minor: 1250, currency_code: "kwd" })).text).toMatch(/Cancellation fee kept: KWD\s1\.250/)
  })

  it("Arabic reads right to left; attachments are the PDF and the calendar file", async () => {
    for (const name of NEW) {
      const ar = await render(name, "ar")
      expect(ar.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/)
    }
    const tax = await render("tax-invoice", "ar")
    expect(tax.subject).toBe("الفاتورة الضريبية INV-DESERT-WELLNESS-000042 للطلب رقم 1042")
    expect(tax.attachments).toEqual([{ filename: "INV-DESERT-WELLNESS-000042.pdf", content_type: "application/pdf", content: TEMPLATES["tax-invoice"].sample.pdf }])
    const cn = await render("tax-invoice", "en", { document: "CREDIT_NOTE", number: "CN-DESERT-WELLNESS-000001", invoice_number: "INV-DESERT-WELLNESS-000042" })
    expect(cn.subject).toBe("Tax credit note CN-DESERT-WELLNESS-000001 for order #1042")
    expect(cn.text).toContain("Corrects invoice: INV-DESERT-WELLNESS-000042")
    expect(cn.attachments[0].filename).toBe("CN-DESERT-WELLNESS-000001.pdf")
    const moved = await render("booking-rescheduled", "ru")
    expect(moved.subject).toBe("Запись перенесена: Desert massage")
    expect(moved.attachments[0]).toEqual(expect.objectContaining({ filename: "booking.ics", content_type: expect.stringContaining("text/calendar") }))
  })

  it("quotes people's own words escaped, never as markup", async () => {
    const r = await render("merchant-dispute-replied", "en", { message: "<b>broken</b> & cracked" })
    expect(r.html).toContain("&lt;b&gt;broken&lt;/b&gt; &amp; cracked")
    expect(r.html).not.toContain("<b>broken</b>")
    const admin = await render("dispute-reply", "en", { author: "admin" })
    expect(admin.text).toContain("SnailMarketplace support replied to your dispute about Snail lamp (order #1042):")
    const seller = await render("dispute-reply", "ru")
    expect(seller.text).toContain("Snail Goods ответил(а) по вашему спору о «Snail lamp» (заказ №1042):")
  })
})
