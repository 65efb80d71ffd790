import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; reason: string; portal_url: string }

const REASONS: Record<string, Record<"en" | "ru" | "ar", string>> = {
  NOT_RECEIVED: { en: "not received", ru: "не получено", ar: "لم يُستلم" },
  NOT_AS_DESCRIBED: { en: "not as described", ru: "не соответствует описанию", ar: "غير مطابق للوصف" },
  DAMAGED: { en: "damaged", ru: "повреждено", ar: "تالف" },
  SERVICE_NOT_PROVIDED: { en: "service not provided", ru: "услуга не оказана", ar: "لم تُقدَّم الخدمة" },
  OTHER: { en: "other", ru: "другое", ar: "سبب آخر" },
}

const W: Words<"subject" | "intro" | "reason" | "open"> = {
  en: { subject: "Dispute opened on order #{n}", intro: "The buyer opened a dispute about {title}. Please answer within 3 days.", reason: "Reason", open: "Answer in the merchant portal" },
  ru: { subject: "Открыт спор по заказу №{n}", intro: "Покупатель открыл спор по «{title}». Ответьте, пожалуйста, в течение 3 дней.", reason: "Причина", open: "Ответить в кабинете продавца" },
  ar: { subject: "تم فتح نزاع على الطلب رقم {n}", intro: "فتح المشتري نزاعًا بشأن {title}. يُرجى الرد خلال 3 أيام.", reason: "السبب", open: "الرد في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-dispute-opened",
  type: "MERCHANT_DISPUTE_OPENED",
  sample: { display_id: 1042, title: "Snail lamp", reason: "DAMAGED", portal_url: "http://localhost:8000/merchant/disputes/dsp_123" },
  build(d, f) {
    const w = W[f.locale]
    const reason = REASONS[d.reason]?.[f.locale] ?? REASONS.OTHER[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "table", rows: [[w.reason, reason]] },
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
