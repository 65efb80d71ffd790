import { defineTemplate, type Words } from "./define"

type Data = { reset_url: string }

const W: Words<"subject" | "intro" | "button" | "ignore"> = {
  en: { subject: "Reset your password", intro: "Someone asked to reset the password of your SnailMarketplace account.", button: "Choose a new password", ignore: "If it was not you, ignore this message: your password stays as it is." },
  ru: { subject: "Сброс пароля", intro: "Кто-то запросил сброс пароля вашего аккаунта SnailMarketplace.", button: "Задать новый пароль", ignore: "Если это были не вы, просто проигнорируйте письмо: пароль не изменится." },
  ar: { subject: "إعادة تعيين كلمة المرور", intro: "طلب أحدهم إعادة تعيين كلمة مرور حسابك في SnailMarketplace.", button: "اختر كلمة مرور جديدة", ignore: "إن لم تكن أنت، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي." },
}

export default defineTemplate<Data>({
  name: "password-reset",
  type: "PASSWORD_RESET",
  sample: { reset_url: "http://localhost:8000/reset-password?token=sample&email=bea%40buyer.test" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: w.subject,
      blocks: [{ kind: "text", text: w.intro }, { kind: "button", label: w.button, href: d.reset_url }, { kind: "text", text: w.ignore }],
    }
  },
})
