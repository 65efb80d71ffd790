import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; message: string; portal_url: string }

const W: Words<"subject" | "intro" | "open"> = {
  en: { subject: "The buyer replied in the dispute on order #{n}", intro: "The buyer wrote about {title}:", open: "Answer in the merchant portal" },
  ru: { subject: "Покупатель ответил в споре по заказу №{n}", intro: "Покупатель написал о «{title}»:", open: "Ответить в кабинете продавца" },
  ar: { subject: "ردّ المشتري في النزاع على الطلب رقم {n}", intro: "كتب المشتري بشأن {title}:", open: "الرد في بوابة التاجر" },
}

export default defineTemplate<Data>({
  name: "merchant-dispute-replied",
  type: "MERCHANT_DISPUTE_REPLIED",
  sample: { display_id: 1042, title: "Snail lamp", message: "The shade is still cracked — see the photo.", portal_url: "http://localhost:8000/merchant?dispute=dsp_123" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { n: d.display_id }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title }) },
        { kind: "text", text: `“${d.message}”` },
        { kind: "button", label: w.open, href: d.portal_url },
      ],
    }
  },
})
