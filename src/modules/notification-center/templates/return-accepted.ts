import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; refund_minor: number; currency_code: string; order_url: string }

const W: Words<"subject" | "intro" | "refund" | "note" | "view"> = {
  en: { subject: "Return accepted: {title}", intro: "The seller received {title} from order #{n} back and accepted the return.", refund: "Refunded to your card",
    note: "Your bank may take a few days to show the refund.", view: "View your order" },
  ru: { subject: "Возврат принят: {title}", intro: "Продавец получил «{title}» из заказа №{n} и принял возврат.", refund: "Возврат на карту",
    note: "Банку может понадобиться несколько дней, чтобы отразить возврат.", view: "Открыть заказ" },
  ar: { subject: "تم قبول الإرجاع: {title}", intro: "استلم البائع {title} من الطلب رقم {n} وقبِل الإرجاع.", refund: "المبلغ المسترد إلى بطاقتك",
    note: "قد يستغرق ظهور المبلغ لدى مصرفك بضعة أيام.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "return-accepted",
  type: "RETURN_ACCEPTED",
  sample: { display_id: 1042, title: "Snail lamp", refund_minor: 2500, currency_code: "eur", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title, n: d.display_id }) },
        { kind: "table", rows: [[w.refund, f.money(d.refund_minor, d.currency_code)]] },
        { kind: "text", text: w.note },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
