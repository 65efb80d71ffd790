import { defineTemplate, fill, ics, type Words } from "./define"

type Data = { title: string; merchant_name: string; from_start_at: string; start_at: string; timezone: string; order_url: string; ics: string }

const W: Words<"subject" | "intro" | "when" | "was" | "with" | "calendar" | "view"> = {
  en: { subject: "Booking moved: {title}", intro: "Your booking for {title} has a new time.", when: "New time", was: "Was", with: "With",
    calendar: "The attached .ics file moves it in your calendar.", view: "View your order" },
  ru: { subject: "Запись перенесена: {title}", intro: "Ваша запись на «{title}» перенесена на новое время.", when: "Новое время", was: "Было", with: "Где",
    calendar: "Файл .ics во вложении перенесёт запись в календаре.", view: "Открыть заказ" },
  ar: { subject: "تم تغيير موعد الحجز: {title}", intro: "أصبح لحجزك لـ {title} موعد جديد.", when: "الموعد الجديد", was: "الموعد السابق", with: "لدى",
    calendar: "ينقل ملف ‎.ics المرفق الموعد في تقويمك.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "booking-rescheduled",
  type: "BOOKING_RESCHEDULED",
  sample: { title: "Desert massage", merchant_name: "Desert Wellness", from_start_at: "2026-12-10T10:00:00.000Z", start_at: "2026-12-11T07:00:00.000Z",
    timezone: "Asia/Dubai", order_url: "http://localhost:8000/orders/order_123?token=sample", ics: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.when, f.dateTime(d.start_at, d.timezone)], [w.was, f.dateTime(d.from_start_at, d.timezone)], [w.with, d.merchant_name]] },
        { kind: "text", text: w.calendar },
        { kind: "button", label: w.view, href: d.order_url },
      ],
      attachments: [ics(d.ics, "booking.ics")],
    }
  },
})
