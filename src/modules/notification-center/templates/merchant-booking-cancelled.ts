import { defineTemplate, fill, type Words } from "./define"

type Data = { title: string; start_at: string; timezone: string; customer_name: string; fee_minor: number; currency_code: string; portal_url: string }

const W: Words<"subject" | "intro" | "when" | "who" | "fee" | "open"> = {
  en: { subject: "Booking cancelled by the client: {title}", intro: "The client cancelled {title}; the slot is free again.", when: "Was booked for", who: "Client",
    fee: "Cancellation fee kept", open: "Open in the merchant portal" },
  ru: { subject: "Клиент отменил запись: {title}", intro: "Клиент отменил запись на «{title}»; время снова свободно.", when: "Была назначена на", who: "Клиент",
    fee: "Удержанная плата за отмену", open: "Открыть в кабинете продавца" },
  ar: { subject: "ألغى العميل الحجز: {title}", intro: "ألغى العميل حجز {title}؛ أصبح الموعد متاحًا من جديد.", when: "كان موعده", who: "العميل",
    fee: "رسوم الإلغاء المحتفظ بها", open: "افتح في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-booking-cancelled",
  type: "MERCHANT_BOOKING_CANCELLED",
  sample: { title: "Desert massage", start_at: "2026-12-10T10:00:00.000Z", timezone: "Asia/Dubai", customer_name: "bea@buyer.test", fee_minor: 2500, currency_code: "aed",
    portal_url: "http://localhost:8000/merchant/bookings" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.when, f.dateTime(d.start_at, d.timezone)], [w.who, d.customer_name], [w.fee, f.money(d.fee_minor, d.currency_code)]] },
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
