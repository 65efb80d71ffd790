import { defineTemplate, fill, type Words } from "./define"

type Data = { display_id: number | string; title: string; carrier: string; tracking_number: string; tracking_url: string | null; order_url: string }

const W: Words<"subject" | "intro" | "carrier" | "tracking" | "track" | "view"> = {
  en: { subject: "Shipped: {title}", intro: "{title} from order #{n} is on its way.", carrier: "Carrier", tracking: "Tracking number", track: "Track the parcel", view: "View your order" },
  ru: { subject: "Отправлено: {title}", intro: "{title} из заказа №{n} уже в пути.", carrier: "Служба доставки", tracking: "Трек-номер", track: "Отследить посылку", view: "Открыть заказ" },
  ar: { subject: "تم الشحن: {title}", intro: "{title} من الطلب رقم {n} في الطريق إليك.", carrier: "شركة الشحن", tracking: "رقم التتبع", track: "تتبّع الشحنة", view: "عرض طلبك" },
}

export default defineTemplate<Data>({
  name: "line-shipped",
  type: "LINE_SHIPPED",
  sample: { display_id: 1042, title: "Snail lamp", carrier: "DHL", tracking_number: "JD014600006281", tracking_url: "https://www.dhl.com/track?tracking-id=JD014600006281", order_url: "http://localhost:8000/orders/order_123?token=sample" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [
        { kind: "text", text: fill(w.intro, { title: d.title, n: d.display_id }) },
        { kind: "table", rows: [[w.carrier, d.carrier], [w.tracking, d.tracking_number]] },
        ...(d.tracking_url ? [{ kind: "button" as const, label: w.track, href: d.tracking_url }] : []),
        { kind: "button", label: w.view, href: d.order_url },
      ],
    }
  },
})
