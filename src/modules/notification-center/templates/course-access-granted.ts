import { defineTemplate, fill, type Words } from "./define"

type Data = { title: string; player_url: string }

const W: Words<"subject" | "intro" | "open"> = {
  en: { subject: "Your course is open: {title}", intro: "You now have access to {title}. Start whenever you like.", open: "Open the course" },
  ru: { subject: "Курс открыт: {title}", intro: "Доступ к курсу «{title}» открыт. Начинайте, когда удобно.", open: "Открыть курс" },
  ar: { subject: "دورتك متاحة الآن: {title}", intro: "أصبح بإمكانك الوصول إلى {title}. ابدأ متى شئت.", open: "افتح الدورة" },
}

export default defineTemplate<Data>({
  name: "course-access-granted",
  type: "COURSE_ACCESS_GRANTED",
  sample: { title: "Slow breathing", player_url: "http://localhost:8000/account/courses/cgr_123" },
  build(d, f) {
    const w = W[f.locale]
    return {
      subject: fill(w.subject, { title: d.title }),
      blocks: [{ kind: "text", text: fill(w.intro, { title: d.title }) }, { kind: "button", label: w.open, href: d.player_url }],
    }
  },
})
