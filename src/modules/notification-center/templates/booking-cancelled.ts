import { defineTemplate, fill, ics, type Words } from "./define"

type Data = { title: string; start_at: string; timezone: string; currency_code: string; fee_minor: number; refund_minor: number; order_url: string; ics: string }

const W: Words<"subject" | "intro" | "when" | "fee" | "refund" | "view"> = {
  en: { subject: "Booking cancelled: {title}", intro: "Your booking for {title} is cancelled.", when: "Was booked for", fee: "Cancellation fee", refund: "Refunded to your card", view: "View your order" },
  ru: { subject: "Запись отменена: {title}", intro: "Ваша запись на «{title}» отменена.", when: "Была назначена на", fee: "Плата за отмену", refund: "Возврат на карту", view: "Открыть заказ" },
  ar: { subject: "تم إلغاء الحجز: {title}", intro: "تم إلغاء حجزك لـ {title}.", when: "كان موعده", fee: "رسوم الإلغاء", refund: "المبلغ المسترد إلى بطاقتك", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "booking-cancelled",
  type: "BOOKING_CANCELLED",
  sample: { title: "Desert massage", start_at: "2026-12-10T10:00:00.000Z", timezone: "Asia/Dubai", currency_code: "aed", fee_minor: 2500, refund_minor: 22500,
    order_url: "http://localhost:8000/orders/order_123?token=sample", ics: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [
          [w.when, f.dateTime(d.start_at, d.timezone)],
          [w.fee, f.money(d.fee_minor, d.currency_code)],
          [w.refund, f.money(d.refund_minor, d.currency_code)],
        ] },
        { kind: "button", label: w.view, href: d.order_url },
      ],
      attachments: [ics(d.ics, "booking-cancelled.ics")],
    }
  },
})
