import { defineTemplate, fill, type Words } from "./define"

type Kind = "capture" | "refund" | "missing_in_books" | "missing_at_provider" | "ledger"
type Data = { run_date: string; count: number; kinds: Partial<Record<Kind, number>>; admin_url: string }

/** Each kind of difference (src/workflows/marketplace-money/reconcile.ts) in words. */
const KINDS: Record<Kind, Record<"en" | "ru" | "ar", string>> = {
  capture: { en: "Captured amounts differ", ru: "Расходятся суммы списаний", ar: "اختلاف في المبالغ المحصّلة" },
  refund: { en: "Refunded amounts differ", ru: "Расходятся суммы возвратов", ar: "اختلاف في المبالغ المستردة" },
  missing_in_books: { en: "At the payment provider, not in our books", ru: "Есть у платёжного провайдера, нет в нашем учёте", ar: "لدى مزود الدفع وليست في دفاترنا" },
  missing_at_provider: { en: "In our books, not at the payment provider", ru: "Есть в нашем учёте, нет у платёжного провайдера", ar: "في دفاترنا وليست لدى مزود الدفع" },
  ledger: { en: "Ledger differs from the payments", ru: "Журнал проводок расходится с платежами", ar: "دفتر القيود يختلف عن المدفوعات" },
}

const W: Words<"subject" | "intro" | "open"> = {
  en: { subject: "Reconciliation {date}: {count} difference(s) found", intro: "The payment reconciliation for {date} found differences that need a look:", open: "Open Payouts → Reconciliation" },
  ru: { subject: "Сверка за {date}: найдено расхождений — {count}", intro: "Сверка платежей за {date} нашла расхождения, их нужно проверить:", open: "Открыть «Выплаты → Сверка»" },
  ar: { subject: "مطابقة {date}: تم العثور على {count} من الفروقات", intro: "وجدت مطابقة المدفوعات ليوم {date} فروقات تحتاج إلى مراجعة:", open: "افتح الدفعات ← المطابقة" },
}

export default defineTemplate<Data>({
  name: "admin-reconciliation-mismatch",
  type: "ADMIN_RECONCILIATION_MISMATCH",
  sample: { run_date: "2026-12-06", count: 3, kinds: { capture: 2, missing_in_books: 1 }, admin_url: "http://localhost:9000/app/payouts" },
  build(d, f) {
    const w = W[f.locale]
    const date = f.date(`${d.run_date}T12:00:00.000Z`)
    const count = f.number(d.count)
    const rows = (Object.keys(KINDS) as Kind[]).filter((k) => d.kinds[k]).map((k): [string, string] => [KINDS[k][f.locale], f.number(d.kinds[k]!)])
    return {
      subject: fill(w.subject, { date, count }),
      blocks: [
        { kind: "text", text: fill(w.intro, { date }) },
        { kind: "table", rows },
        { kind: "button", label: w.open, href: d.admin_url },
      ],
    }
  },
})
