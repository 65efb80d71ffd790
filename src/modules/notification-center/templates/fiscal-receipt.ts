import { defineTemplate, fill, type Words } from "./define"

type Settlement = "prepayment" | "payment" | "refund" | "correction"
type Data = {
  display_id: number | string; settlement: Settlement; total_minor: number; currency_code: string
  fn_number: string | null; fd_number: string | null; fpd: string | null; registered_at: string; ofd_url: string | null; order_url: string
}

/** What the receipt settles, in words (54-ФЗ "признак способа расчёта"); never the raw value. */
const SETTLEMENT: Record<Settlement, Record<"en" | "ru" | "ar", string>> = {
  prepayment: { en: "Prepayment (100%)", ru: "Предоплата 100%", ar: "دفعة مسبقة (100%)" },
  payment: { en: "Full payment", ru: "Полный расчёт", ar: "دفع كامل" },
  refund: { en: "Refund", ru: "Возврат прихода", ar: "استرداد" },
  correction: { en: "Correction", ru: "Коррекция", ar: "تصحيح" },
}

const W: Words<"subject" | "refund_subject" | "intro" | "kind" | "amount" | "fn" | "fd" | "fpd" | "at" | "open" | "view"> = {
  en: { subject: "Receipt for order #{n}", refund_subject: "Refund receipt for order #{n}", intro: "Your fiscal receipt for order #{n} is registered with the tax service.",
    kind: "Receipt", amount: "Amount", fn: "Fiscal drive (FN)", fd: "Document (FD)", fpd: "Fiscal sign (FPD)", at: "Registered", open: "Open the receipt", view: "View your order" },
  ru: { subject: "Кассовый чек по заказу №{n}", refund_subject: "Чек возврата по заказу №{n}", intro: "Кассовый чек по заказу №{n} зарегистрирован в ФНС.",
    kind: "Чек", amount: "Сумма", fn: "ФН", fd: "ФД", fpd: "ФПД", at: "Зарегистрирован", open: "Открыть чек", view: "Открыть заказ" },
  ar: { subject: "الإيصال الضريبي للطلب رقم {n}", refund_subject: "إيصال الاسترداد للطلب رقم {n}", intro: "تم تسجيل الإيصال الضريبي للطلب رقم {n} لدى مصلحة الضرائب.",
    kind: "الإيصال", amount: "المبلغ", fn: "المحرك المالي (FN)", fd: "المستند (FD)", fpd: "التوقيع المالي (FPD)", at: "تاريخ التسجيل", open: "افتح الإيصال", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "fiscal-receipt",
  type: "FISCAL_RECEIPT",
  sample: { display_id: 1042, settlement: "prepayment", total_minor: 44850, currency_code: "rub", fn_number: "9999078902004567", fd_number: "1021", fpd: "3126743018",
    registered_at: "2026-12-07T13:20:00.000Z", ofd_url: "https://check.ofd.ru/rec/7702070139/9999078902004567/1021/3126743018", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    const rows: [string, string][] = [[w.kind, SETTLEMENT[d.settlement]?.[f.locale] ?? SETTLEMENT.payment[f.locale]], [w.amount, f.money(d.total_minor, d.currency_code)]]
    if (d.fn_number) rows.push([w.fn, d.fn_number])
    if (d.fd_number) rows.push([w.fd, d.fd_number])
    if (d.fpd) rows.push([w.fpd, d.fpd])
    // Russian receipts carry Moscow time; the zone is named beside it.
    rows.push([w.at, f.dateTime(d.registered_at, "Europe/Moscow")])
    return {
      subject: fill(d.settlement === "refund" ? w.refund_subject : w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { n: d.display_id }) },
        { kind: "table", rows },
        ...(d.ofd_url ? [{ kind: "button" as const, label: w.open, href: d.ofd_url }] : []),
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
