import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; amount_minor: number; currency_code: string; order_url: string }

const W: Words<"subject" | "intro" | "amount" | "next" | "view"> = {
  en: { subject: "Payment failed for order #{n}", intro: "Your bank refused the payment for {title}, so the seller cannot go ahead with it.", amount: "Amount",
    next: "Nothing was charged for it. Please check your card with your bank, or write to us from your order page.", view: "View your order" },
  ru: { subject: "Оплата не прошла: заказ №{n}", intro: "Банк отклонил оплату за «{title}», поэтому продавец не может продолжить.", amount: "Сумма",
    next: "Деньги за это не списаны. Проверьте карту в банке или напишите нам со страницы заказа.", view: "Открыть заказ" },
  ar: { subject: "فشل الدفع للطلب رقم {n}", intro: "رفض مصرفك الدفع مقابل {title}، لذا لا يستطيع البائع المتابعة.", amount: "المبلغ",
    next: "لم يُخصم أي مبلغ مقابل ذلك. يُرجى التحقق من بطاقتك لدى مصرفك أو مراسلتنا من صفحة طلبك.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "payment-failed",
  type: "PAYMENT_FAILED",
  sample: { display_id: 1042, title: "Slow breathing", amount_minor: 1013, currency_code: "eur", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.amount, f.money(d.amount_minor, d.currency_code)]] },
        { kind: "text", text: w.next },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
