import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; total_minor: number; currency_code: string; refund: boolean; attempts: number; admin_url: string }

const W: Words<"subject" | "intro" | "kind" | "sale" | "refund" | "amount" | "attempts" | "open"> = {
  en: { subject: "Fiscal receipt failed: order #{n}", intro: "A fiscal receipt for order #{n} could not be registered: the provider refused it or every retry failed. The buyer has no receipt until it is retried.",
    kind: "Receipt", sale: "Sale", refund: "Refund", amount: "Amount", attempts: "Attempts", open: "Open Fiscal receipts and retry" },
  ru: { subject: "Чек не пробит: заказ №{n}", intro: "Кассовый чек по заказу №{n} не удалось зарегистрировать: провайдер отказал или все повторные попытки не удались. Пока его не отправят заново, у покупателя нет чека.",
    kind: "Чек", sale: "Приход", refund: "Возврат прихода", amount: "Сумма", attempts: "Попыток", open: "Открыть «Фискальные чеки» и повторить" },
  ar: { subject: "فشل الإيصال الضريبي: الطلب رقم {n}", intro: "تعذّر تسجيل الإيصال الضريبي للطلب رقم {n}: رفضه المزوّد أو فشلت كل المحاولات. لن يحصل المشتري على إيصال حتى تُعاد المحاولة.",
    kind: "الإيصال", sale: "بيع", refund: "استرداد", amount: "المبلغ", attempts: "المحاولات", open: "افتح الإيصالات الضريبية وأعد المحاولة" },
}

export default defineTemplate<Data>({
  name: "admin-fiscal-receipt-failed",
  type: "ADMIN_FISCAL_RECEIPT_FAILED",
  sample: { display_id: 1042, total_minor: 44850, currency_code: "rub", refund: false, attempts: 10, admin_url: "http://localhost:9000/app/fiscal-receipts" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { n: d.display_id }) },
        { kind: "table", rows: [[w.kind, d.refund ? w.refund : w.sale], [w.amount, f.money(d.total_minor, d.currency_code)],
          // A final refusal fails at once, with no retries to count.
          ...(d.attempts > 0 ? [[w.attempts, f.number(d.attempts)] as [string, string]] : [])] },
        { kind: "button", label: w.open, href: d.admin_url },
      ],
    }
  },
})
