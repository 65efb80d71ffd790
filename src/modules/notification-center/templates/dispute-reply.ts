import { defineTemplate, fill, type Words } from "./define"

/** The buyer hears of a reply in their dispute: from the seller or from the platform's support. */
type Data = { display_id: number | string; title: string; author: "merchant" | "admin"; merchant_name: string; message: string; order_url: string }

const W: Words<"subject" | "intro_merchant" | "intro_admin" | "answer" | "view"> = {
  en: { subject: "New reply about your dispute: {title}", intro_merchant: "{name} replied to your dispute about {title} (order #{n}):",
    intro_admin: "SnailMarketplace support replied to your dispute about {title} (order #{n}):", answer: "You can answer on your order page.", view: "View your order" },
  ru: { subject: "Новый ответ по вашему спору: {title}", intro_merchant: "{name} ответил(а) по вашему спору о «{title}» (заказ №{n}):",
    intro_admin: "Поддержка SnailMarketplace ответила по вашему спору о «{title}» (заказ №{n}):", answer: "Ответить можно на странице заказа.", view: "Открыть заказ" },
  ar: { subject: "رد جديد على نزاعك: {title}", intro_merchant: "ردّ {name} على نزاعك بشأن {title} (الطلب رقم {n}):",
    intro_admin: "ردّ فريق دعم SnailMarketplace على نزاعك بشأن {title} (الطلب رقم {n}):", answer: "يمكنك الرد من صفحة طلبك.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "dispute-reply",
  type: "DISPUTE_UPDATED",
  sample: { display_id: 1042, title: "Snail lamp", author: "merchant", merchant_name: "Snail Goods", message: "We are sorry — a new shade is on its way.",
    order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    const intro = d.author === "admin" ? w.intro_admin : w.intro_merchant
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(intro, { name: d.merchant_name, title: d.title, n: d.display_id }) },
        { kind: "text", text: `“${d.message}”` },
        { kind: "text", text: w.answer },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
