import { defineTemplate, fill, type Words } from "./define"

type Data = { title: string; merchant_name: string; start_at: string; timezone: string; order_url: string }

const W: Words<"subject" | "intro" | "when" | "with" | "view"> = {
  en: { subject: "Reminder: {title}", intro: "A reminder of your booking for {title}.", when: "When", with: "With", view: "View or change your booking" },
  ru: { subject: "Напоминание: {title}", intro: "Напоминаем о вашей записи на «{title}».", when: "Когда", with: "Где", view: "Открыть или изменить запись" },
  ar: { subject: "تذكير: {title}", intro: "تذكير بحجزك لـ {title}.", when: "الموعد", with: "لدى", view: "عرض الحجز أو تغييره" },
}

export default defineTemplate<Data>({
  name: "booking-reminder",
  type: "BOOKING_REMINDER",
  sample: { title: "Desert massage", merchant_name: "Desert Wellness", start_at: "2026-12-10T10:00:00.000Z", timezone: "Asia/Dubai", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.when, f.dateTime(d.start_at, d.timezone)], [w.with, d.merchant_name]] },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
