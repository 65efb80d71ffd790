import { defineTemplate, fill, type Words } from "./define"

type Data = { verify_url: string; expires_hours: number }

const W: Words<"subject" | "intro" | "button" | "expires" | "ignore"> = {
  en: { subject: "Confirm your e-mail address", intro: "Confirm that this address belongs to your SnailMarketplace account.", button: "Confirm my address", expires: "The link works once and expires in {hours} hours.", ignore: "If you did not create an account, ignore this message." },
  ru: { subject: "Подтвердите адрес электронной почты", intro: "Подтвердите, что этот адрес принадлежит вашему аккаунту SnailMarketplace.", button: "Подтвердить адрес", expires: "Ссылка одноразовая и действует {hours} ч.", ignore: "Если вы не создавали аккаунт, просто проигнорируйте письмо." },
  ar: { subject: "أكّد عنوان بريدك الإلكتروني", intro: "أكّد أن هذا العنوان يخص حسابك في SnailMarketplace.", button: "تأكيد عنواني", expires: "يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد {hours} ساعة.", ignore: "إن لم تنشئ حسابًا، فتجاهل هذه الرسالة." },
}

export default defineTemplate<Data>({
  name: "email-verification",
  type: "EMAIL_VERIFICATION",
  sample: { verify_url: "http://localhost:8000/verify-email?token=sample", expires_hours: 24 },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: w.subject,
      blocks: [
        { kind: "text", text: w.intro },
        { kind: "button", label: w.button, href: d.verify_url },
        { kind: "text", text: fill(w.expires, { hours: new Intl.NumberFormat(f.locale === "ar" ? "ar-AE" : f.locale).format(d.expires_hours) }) },
        { kind: "text", text: w.ignore },
      ],
    }
  },
})
