import { defineTemplate, fill, type Words } from "./define"

type Data = { merchant_name: string; country_code: string; admin_url: string }

const W: Words<"subject" | "intro" | "country" | "open"> = {
  en: { subject: "New merchant application: {name}", intro: "{name} applied to sell on SnailMarketplace and waits for review.", country: "Country", open: "Review in the admin" },
  ru: { subject: "Новая заявка продавца: {name}", intro: "{name} подал(а) заявку на продажу и ждёт проверки.", country: "Страна", open: "Проверить в админке" },
  ar: { subject: "طلب تاجر جديد: {name}", intro: "تقدّم {name} بطلب للبيع على SnailMarketplace وينتظر المراجعة.", country: "الدولة", open: "راجِع في لوحة الإدارة" },
}

export default defineTemplate<Data>({
  name: "admin-merchant-applied",
  type: "ADMIN_MERCHANT_APPLIED",
  sample: { merchant_name: "Pending Pottery", country_code: "ru", admin_url: "http://localhost:9000/app/merchants" },
  build(d, f) {
    const w = W[f.locale]
    const country = new Intl.DisplayNames([f.locale], { type: "region" }).of(d.country_code.toUpperCase()) ?? d.country_code
    return {
      subject: fill(w.subject, { name: d.merchant_name }),
      blocks: [
        { kind: "text", text: fill(w.intro, { name: d.merchant_name }) },
        { kind: "table", rows: [[w.country, country]] },
        { kind: "button", label: w.open, href: d.admin_url },
      ],
    }
  },
})
