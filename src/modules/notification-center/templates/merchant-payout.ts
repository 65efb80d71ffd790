import { defineTemplate, fill, type Words } from "./define"

type Data = { outcome: "PAID" | "FAILED"; amount_minor: number; currency_code: string; reason: string | null; portal_url: string }

const W: Words<"paid_subject" | "paid_intro" | "failed_subject" | "failed_intro" | "reason" | "open"> = {
  en: { paid_subject: "Payout sent: {amount}", paid_intro: "We sent {amount} to your payout account.", failed_subject: "Payout failed: {amount}",
    failed_intro: "Your payout of {amount} failed; the money is back in your available balance. Please check your payout details.", reason: "Reason", open: "Open Money in the merchant portal" },
  ru: { paid_subject: "Выплата отправлена: {amount}", paid_intro: "Мы перевели {amount} на ваш счёт для выплат.", failed_subject: "Выплата не прошла: {amount}",
    failed_intro: "Выплата {amount} не прошла; деньги вернулись на доступный баланс. Проверьте реквизиты для выплат.", reason: "Причина", open: "Открыть раздел «Деньги»" },
  ar: { paid_subject: "تم إرسال الدفعة: {amount}", paid_intro: "أرسلنا {amount} إلى حساب الدفعات الخاص بك.", failed_subject: "فشلت الدفعة: {amount}",
    failed_intro: "فشلت دفعتك البالغة {amount}، وعاد المبلغ إلى رصيدك المتاح. يُرجى التحقق من بيانات الدفع.", reason: "السبب", open: "افتح صفحة الأموال في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-payout",
  type: "MERCHANT_PAYOUT",
  sample: { outcome: "PAID", amount_minor: 1234567, currency_code: "rub", reason: null, portal_url: "http://localhost:8000/merchant/money" },
  build(d, f) {
    const w = W[f.locale]
    const amount = f.money(d.amount_minor, d.currency_code)
    const paid = d.outcome === "PAID"
    return {
      subject: fill(paid ? w.paid_subject : w.failed_subject, { amount }),
      blocks: [
        { kind: "text", text: fill(paid ? w.paid_intro : w.failed_intro, { amount }) },
        ...(d.reason && !paid ? [{ kind: "table" as const, rows: [[w.reason, d.reason]] as [string, string][] }] : []),
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
