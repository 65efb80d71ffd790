import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; outcome: "RESOLVED_REFUND" | "REJECTED"; refund_minor: number; currency_code: string; note: string | null; order_url: string }

const W: Words<"subject" | "refund_intro" | "rejected_intro" | "refund" | "note" | "view"> = {
  en: { subject: "Your dispute is resolved: {title}", refund_intro: "We reviewed your dispute about {title} (order #{n}) and refunded you.",
    rejected_intro: "We reviewed your dispute about {title} (order #{n}) and decided not to refund it.", refund: "Refunded to your card", note: "Our note", view: "View your order" },
  ru: { subject: "Спор решён: {title}", refund_intro: "Мы рассмотрели ваш спор о «{title}» (заказ №{n}) и вернули деньги.",
    rejected_intro: "Мы рассмотрели ваш спор о «{title}» (заказ №{n}) и не нашли оснований для возврата.", refund: "Возврат на карту", note: "Комментарий", view: "Открыть заказ" },
  ar: { subject: "تم حل نزاعك: {title}", refund_intro: "راجعنا نزاعك بشأن {title} (الطلب رقم {n}) ورددنا لك المبلغ.",
    rejected_intro: "راجعنا نزاعك بشأن {title} (الطلب رقم {n}) وقررنا عدم رد المبلغ.", refund: "المبلغ المسترد إلى بطاقتك", note: "ملاحظتنا", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "dispute-resolved",
  type: "DISPUTE_UPDATED",
  sample: { display_id: 1042, title: "Snail lamp", outcome: "RESOLVED_REFUND", refund_minor: 2500, currency_code: "eur", note: "The shade arrived broken.",
    order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    const refunded = d.outcome === "RESOLVED_REFUND"
    const rows: [string, string][] = []
    if (refunded) rows.push([w.refund, f.money(d.refund_minor, d.currency_code)])
    if (d.note) rows.push([w.note, d.note])
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(refunded ? w.refund_intro : w.rejected_intro, { title: d.title, n: d.display_id }) },
        ...(rows.length ? [{ kind: "table" as const, rows }] : []),
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
