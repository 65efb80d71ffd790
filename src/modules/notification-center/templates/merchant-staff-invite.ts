import { defineTemplate, fill, type Words } from "./define"

type Data = { merchant_name: string; accept_url: string }

const W: Words<"subject" | "intro" | "accept" | "expires"> = {
  en: { subject: "Join {name} on SnailMarketplace", intro: "You are invited to work for {name} in the merchant portal.", accept: "Accept the invitation", expires: "The link works once and expires in 7 days." },
  ru: { subject: "Приглашение в {name} на SnailMarketplace", intro: "Вас пригласили работать в кабинете продавца {name}.", accept: "Принять приглашение", expires: "Ссылка одноразовая и действует 7 дней." },
  ar: { subject: "انضم إلى {name} على SnailMarketplace", intro: "تمت دعوتك للعمل لدى {name} في بوابة التاجر.", accept: "اقبل الدعوة", expires: "يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد 7 أيام." },
}

export default defineTemplate<Data>({
  name: "merchant-staff-invite",
  type: "MERCHANT_STAFF_INVITE",
  sample: { merchant_name: "Snail Goods", accept_url: "http://localhost:8000/merchant/invite?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { name: d.merchant_name }),
      blocks: [{ kind: "text", text: fill(w.intro, { name: d.merchant_name }) }, { kind: "button", label: w.accept, href: d.accept_url }, { kind: "text", text: w.expires }],
    }
  },
})
