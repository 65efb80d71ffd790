import { defineTemplate, fill, type Words } from "./define"

type Data = { merchant_name: string; outcome: "APPROVED" | "REJECTED" | "SUSPENDED"; reason: string | null; portal_url: string }

type Key = "approved_subject" | "approved_intro" | "rejected_subject" | "rejected_intro" | "suspended_subject" | "suspended_intro" | "reason" | "open"
const W: Words<Key> = {
  en: {
    approved_subject: "{name} is approved", approved_intro: "Welcome! {name} can now sell on SnailMarketplace.",
    rejected_subject: "Your application for {name}", rejected_intro: "We could not approve {name} this time.",
    suspended_subject: "{name} is suspended", suspended_intro: "{name} is suspended: its products are hidden and its staff cannot act until it is reinstated.",
    reason: "Reason", open: "Open the merchant portal",
  },
  ru: {
    approved_subject: "{name}: заявка одобрена", approved_intro: "Добро пожаловать! {name} теперь может продавать на SnailMarketplace.",
    rejected_subject: "Ваша заявка: {name}", rejected_intro: "К сожалению, сейчас мы не можем одобрить {name}.",
    suspended_subject: "{name}: работа приостановлена", suspended_intro: "Работа {name} приостановлена: товары скрыты, сотрудники не могут действовать до восстановления.",
    reason: "Причина", open: "Открыть кабинет продавца",
  },
  ar: {
    approved_subject: "تمت الموافقة على {name}", approved_intro: "مرحبًا بك! يمكن لـ {name} الآن البيع على SnailMarketplace.",
    rejected_subject: "طلبك الخاص بـ {name}", rejected_intro: "تعذّرت الموافقة على {name} هذه المرة.",
    suspended_subject: "تم تعليق {name}", suspended_intro: "تم تعليق {name}: منتجاته مخفية ولا يمكن لموظفيه العمل حتى إعادة التفعيل.",
    reason: "السبب", open: "افتح بوابة التاجر",
  },
}

export default defineTemplate<Data>({
  name: "merchant-status",
  type: "MERCHANT_STATUS_CHANGED",
  sample: { merchant_name: "Pending Pottery", outcome: "APPROVED", reason: null, portal_url: "http://localhost:8000/merchant" },
  build(d, f) {
    const w = W[f.locale]
    const key = d.outcome.toLowerCase() as "approved" | "rejected" | "suspended"
    return {
      subject: fill(w[`${key}_subject`], { name: d.merchant_name }),
      blocks: [
        { kind: "text", text: fill(w[`${key}_intro`], { name: d.merchant_name }) },
        ...(d.reason ? [{ kind: "table" as const, rows: [[w.reason, d.reason]] as [string, string][] }] : []),
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
