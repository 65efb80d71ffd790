import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; amount_minor: number; currency_code: string; order_url: string }

const W: Words<"subject" | "intro" | "amount" | "note" | "view"> = {
  en: { subject: "Refund for order #{n}", intro: "We refunded {amount} for {title}.", amount: "Refund", note: "Your bank may take a few days to show it.", view: "View your order" },
  ru: { subject: "Возврат по заказу №{n}", intro: "Мы вернули {amount} за «{title}».", amount: "Возврат", note: "Банку может понадобиться несколько дней, чтобы отразить возврат.", view: "Открыть заказ" },
  ar: { subject: "استرداد للطلب رقم {n}", intro: "رددنا {amount} مقابل {title}.", amount: "المبلغ المسترد", note: "قد يستغرق ظهوره لدى مصرفك بضعة أيام.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "refund-issued",
  type: "REFUND_ISSUED",
  sample: { display_id: 1042, title: "Snail lamp", amount_minor: 2500, currency_code: "rub", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    const amount = f.money(d.amount_minor, d.currency_code)
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { amount, title: d.title }) },
        { kind: "table", rows: [[w.amount, amount]] },
        { kind: "text", text: w.note },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
