import { defineTemplate, fill, type Words } from "./define"

type Data = { title: string; start_at: string; timezone: string; customer_name: string; portal_url: string }

const W: Words<"subject" | "intro" | "when" | "who" | "open"> = {
  en: { subject: "New booking: {title}", intro: "{title} was booked.", when: "When", who: "Client", open: "Open in the merchant portal" },
  ru: { subject: "Новая запись: {title}", intro: "Новая запись на «{title}».", when: "Когда", who: "Клиент", open: "Открыть в кабинете продавца" },
  ar: { subject: "حجز جديد: {title}", intro: "تم حجز {title}.", when: "الموعد", who: "العميل", open: "افتح في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-new-booking",
  type: "MERCHANT_NEW_BOOKING",
  sample: { title: "Desert massage", start_at: "2026-12-10T10:00:00.000Z", timezone: "Asia/Dubai", customer_name: "Bea Buyer", portal_url: "http://localhost:8000/merchant/bookings" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.when, f.dateTime(d.start_at, d.timezone)], [w.who, d.customer_name]] },
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
