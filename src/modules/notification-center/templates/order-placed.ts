import { defineTemplate, fill, type Words } from "./define"

type Data = {
  display_id: number | string
  order_url: string
  currency_code: string
  items: { title: string; quantity: number; total_minor: number }[]
  shipping_minor: number
  total_minor: number
}

const W: Words<"subject" | "intro" | "shipping" | "total" | "view"> = {
  en: { subject: "Order #{n} is placed", intro: "Thank you! We have your order #{n}; each merchant will now prepare their part.", shipping: "Shipping", total: "Total", view: "View your order" },
  ru: { subject: "Заказ №{n} оформлен", intro: "Спасибо! Заказ №{n} принят; каждый продавец подготовит свою часть.", shipping: "Доставка", total: "Итого", view: "Открыть заказ" },
  ar: { subject: "تم تقديم الطلب رقم {n}", intro: "شكرًا لك! استلمنا طلبك رقم {n}، وسيجهّز كل تاجر الجزء الخاص به.", shipping: "الشحن", total: "الإجمالي", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "order-placed",
  type: "ORDER_PLACED",
  sample: {
    display_id: 1042, order_url: "http://localhost:8000/orders/order_123?token=sample", currency_code: "eur",
    items: [{ title: "Snail lamp", quantity: 2, total_minor: 5000 }, { title: "Slow breathing", quantity: 1, total_minor: 4000 }],
    shipping_minor: 500, total_minor: 9500,
  },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { n: d.display_id }) },
        { kind: "table", rows: [
          ...d.items.map((i) => [`${i.title} × ${i.quantity}`, f.money(i.total_minor, d.currency_code)] as [string, string]),
          ...(d.shipping_minor ? [[w.shipping, f.money(d.shipping_minor, d.currency_code)] as [string, string]] : []),
          [w.total, f.money(d.total_minor, d.currency_code)],
        ] },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
