import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; merchant_name: string; currency_code: string; items: { title: string; quantity: number; total_minor: number }[]; portal_url: string }

const W: Words<"subject" | "intro" | "open"> = {
  en: { subject: "New order #{n} for {merchant}", intro: "Order #{n} has {count} line(s) for you to prepare.", open: "Open in the merchant portal" },
  ru: { subject: "Новый заказ №{n} для {merchant}", intro: "В заказе №{n} есть позиции для вас: {count}.", open: "Открыть в кабинете продавца" },
  ar: { subject: "طلب جديد رقم {n} لـ {merchant}", intro: "يحتوي الطلب رقم {n} على {count} بند/بنود عليك تجهيزها.", open: "افتح في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-new-order-lines",
  type: "MERCHANT_NEW_ORDER_LINES",
  sample: { display_id: 1042, merchant_name: "Snail Goods", currency_code: "rub", items: [{ title: "Snail lamp", quantity: 2, total_minor: 300000 }], portal_url: "http://localhost:8000/merchant/orders/order_123" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id, merchant: d.merchant_name }),
      blocks: [
        { kind: "text", text: fill(w.intro, { n: d.display_id, count: d.items.length }) },
        { kind: "table", rows: d.items.map((i) => [`${i.title} × ${i.quantity}`, f.money(i.total_minor, d.currency_code)] as [string, string]) },
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
