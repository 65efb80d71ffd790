import { defineTemplate, fill, ics, type Words } from "./define"

type Data = { display_id: number | string; title: string; merchant_name: string; start_at: string; timezone: string; order_url: string; ics: string }

const W: Words<"subject" | "intro" | "when" | "with" | "calendar" | "view"> = {
  en: { subject: "Booking confirmed: {title}", intro: "Your booking for {title} is confirmed.", when: "When", with: "With", calendar: "The attached .ics file adds it to your calendar.", view: "View your order" },
  ru: { subject: "Запись подтверждена: {title}", intro: "Ваша запись на «{title}» подтверждена.", when: "Когда", with: "Где", calendar: "Файл .ics во вложении добавит запись в календарь.", view: "Открыть заказ" },
  ar: { subject: "تم تأكيد الحجز: {title}", intro: "تم تأكيد حجزك لـ {title}.", when: "الموعد", with: "لدى", calendar: "يضيف ملف ‎.ics المرفق الموعد إلى تقويمك.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "booking-confirmed",
  type: "BOOKING_CONFIRMED",
  sample: { display_id: 1042, title: "Desert massage", merchant_name: "Desert Wellness", start_at: "2026-12-10T10:00:00.000Z", timezone: "Asia/Dubai",
    order_url: "http://localhost:8000/orders/order_123?token=sample", ics: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.when, f.dateTime(d.start_at, d.timezone)], [w.with, d.merchant_name]] },
        { kind: "text", text: w.calendar },
        { kind: "button", label: w.view, href: d.order_url },
      ],
      attachments: [ics(d.ics)],
    }
  },
})
