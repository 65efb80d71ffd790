import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; order_url: string }

const W: Words<"subject" | "intro" | "help" | "view"> = {
  en: { subject: "Delivered: {title}", intro: "{title} from order #{n} was delivered.", help: "Something wrong with it? From your order page you can ask for a return or tell us about a problem.", view: "View your order" },
  ru: { subject: "Доставлено: {title}", intro: "«{title}» из заказа №{n} доставлен(о).", help: "Что-то не так? На странице заказа можно оформить возврат или сообщить о проблеме.", view: "Открыть заказ" },
  ar: { subject: "تم التسليم: {title}", intro: "تم تسليم {title} من الطلب رقم {n}.", help: "هل هناك مشكلة؟ يمكنك من صفحة طلبك طلب الإرجاع أو إبلاغنا بالمشكلة.", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "line-delivered",
  type: "LINE_DELIVERED",
  sample: { display_id: 1042, title: "Snail lamp", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title, n: d.display_id }) },
        { kind: "text", text: w.help },
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
