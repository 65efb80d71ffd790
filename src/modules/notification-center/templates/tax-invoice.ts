import { type Attachment, defineTemplate, fill, type Words } from "./define"

/** A UAE tax invoice or tax credit note, its PDF attached (rendered by src/modules/vat-ae/render/pdf.ts). */
type Data = {
  document: "INVOICE" | "CREDIT_NOTE"; number: string; invoice_number: string | null; display_id: number | string; supplier_name: string
  total_minor: number; vat_minor: number; currency_code: string; issued_at: string; order_url: string; pdf: string /* base64 */
}

const W: Words<"inv_subject" | "cn_subject" | "inv_intro" | "cn_intro" | "number" | "corrects" | "supplier" | "total" | "vat" | "date" | "attached" | "view"> = {
  en: { inv_subject: "Tax invoice {number} for order #{n}", cn_subject: "Tax credit note {number} for order #{n}",
    inv_intro: "{supplier} issued a tax invoice for your order #{n}.", cn_intro: "{supplier} issued a tax credit note for your order #{n} after a refund.",
    number: "Number", corrects: "Corrects invoice", supplier: "Supplier", total: "Total incl. VAT", vat: "VAT", date: "Date of issue", attached: "The PDF is attached.", view: "View your order" },
  ru: { inv_subject: "Налоговый счёт {number} по заказу №{n}", cn_subject: "Кредит-нота {number} по заказу №{n}",
    inv_intro: "{supplier} выставил(а) налоговый счёт (ОАЭ) по вашему заказу №{n}.", cn_intro: "{supplier} выставил(а) кредит-ноту по вашему заказу №{n} после возврата.",
    number: "Номер", corrects: "Исправляет счёт", supplier: "Продавец", total: "Итого с НДС", vat: "НДС", date: "Дата выставления", attached: "PDF во вложении.", view: "Открыть заказ" },
  ar: { inv_subject: "الفاتورة الضريبية {number} للطلب رقم {n}", cn_subject: "الإشعار الدائن الضريبي {number} للطلب رقم {n}",
    inv_intro: "أصدر {supplier} فاتورة ضريبية لطلبك رقم {n}.", cn_intro: "أصدر {supplier} إشعارًا دائنًا ضريبيًا لطلبك رقم {n} بعد استرداد.",
    number: "الرقم", corrects: "يصحّح الفاتورة", supplier: "المورّد", total: "الإجمالي شاملًا ضريبة القيمة المضافة", vat: "ضريبة القيمة المضافة", date: "تاريخ الإصدار", attached: "ملف PDF مرفق.", view: "عرض طلبك" },
}

const pdf = (number: string, base64: string): Attachment => ({ filename: `${number}.pdf`, content_type: "application/pdf", content: base64 })

export default defineTemplate<Data>({
  name: "tax-invoice",
  type: "TAX_DOCUMENT",
  sample: { document: "INVOICE", number: "INV-DESERT-WELLNESS-000042", invoice_number: null, display_id: 1042, supplier_name: "Desert Wellness",
    total_minor: 26250, vat_minor: 1250, currency_code: "aed", issued_at: "2026-12-07T13:20:00.000Z", order_url: "http://localhost:8000/orders/order_123?token=sample",
    pdf: Buffer.from("%PDF-1.4\n%sample\n", "utf8").toString("base64") },
  build(d, f) {
    const w = W[f.locale]
    const note = d.document === "CREDIT_NOTE"
    const rows: [string, string][] = [[w.number, d.number]]
    if (note && d.invoice_number) rows.push([w.corrects, d.invoice_number])
    rows.push([w.supplier, d.supplier_name], [w.total, f.money(d.total_minor, d.currency_code)], [w.vat, f.money(d.vat_minor, d.currency_code)],
      [w.date, f.date(d.issued_at, "Asia/Dubai")])
    return {
      subject: fill(note ? w.cn_subject : w.inv_subject, { number: d.number, n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(note ? w.cn_intro : w.inv_intro, { supplier: d.supplier_name, n: d.display_id }) },
        { kind: "table", rows },
        { kind: "text", text: w.attached },
        { kind: "button", label: w.view, href: d.order_url },
      ],
      attachments: [pdf(d.number, d.pdf)],
    }
  },
})
