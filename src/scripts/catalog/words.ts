/**
 * Word lists for the generated catalogue: titles in English, Russian and Arabic, so search is
 * measured on the three languages the storefront speaks. Product i is built from i alone
 * (deterministic), which makes `seed:catalog` idempotent and its figures repeatable.
 */
export const CATEGORIES = [
  { handle: "cat-home", name: "Home & Kitchen", children: ["Mugs & Cups", "Cookware", "Tea & Coffee", "Textiles"] },
  { handle: "cat-audio", name: "Audio", children: ["Headphones", "Speakers", "Microphones"] },
  { handle: "cat-wellness", name: "Wellness", children: ["Yoga", "Massage", "Fitness"] },
  { handle: "cat-learning", name: "Learning", children: ["Languages", "Programming", "Music lessons"] },
  { handle: "cat-craft", name: "Crafts", children: ["Pottery", "Leather", "Woodwork"] },
]

const EN_NOUNS = ["Mug", "Teapot", "Headphones", "Speaker", "Blanket", "Pan", "Kettle", "Notebook", "Lamp", "Vase", "Backpack", "Scarf", "Candle", "Bowl", "Microphone"]
const EN_ADJ = ["Ceramic", "Wireless", "Handmade", "Vintage", "Organic", "Compact", "Premium", "Classic", "Bamboo", "Linen", "Studio", "Travel"]
const RU_NOUNS = ["Кружка", "Чайник", "Наушники", "Колонка", "Плед", "Сковорода", "Блокнот", "Лампа", "Ваза", "Рюкзак", "Шарф", "Свеча", "Миска"]
const RU_ADJ = ["Керамическая", "Беспроводные", "Ручная работа", "Винтажная", "Льняной", "Компактная", "Классическая", "Бамбуковая"]
const AR_NOUNS = ["كوب", "إبريق شاي", "سماعات", "مكبر صوت", "بطانية", "مقلاة", "دفتر", "مصباح", "مزهرية", "حقيبة ظهر", "وشاح", "شمعة"]
const AR_ADJ = ["خزفي", "لاسلكية", "مصنوع يدويا", "كلاسيكي", "فاخر", "صغير", "قطني"]
const SERVICE_EN = ["Yoga class", "Massage session", "Personal training", "Pottery workshop", "Haircut", "Photo session"]
const SERVICE_RU = ["Занятие йогой", "Сеанс массажа", "Персональная тренировка", "Мастер-класс по керамике"]
const SERVICE_AR = ["درس يوغا", "جلسة تدليك", "تدريب شخصي"]
const COURSE_EN = ["Spanish for beginners", "TypeScript in depth", "Guitar course", "Watercolour basics", "Sourdough baking"]
const COURSE_RU = ["Курс английского", "Программирование на Python", "Курс гитары", "Основы акварели"]
const COURSE_AR = ["دورة اللغة الإنجليزية", "أساسيات البرمجة", "دورة الخط العربي"]

export type Lang = "en" | "ru" | "ar"
export type Kind = "PHYSICAL" | "SERVICE" | "COURSE"

/** Small deterministic PRNG (mulberry32) seeded by the product number. */
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pickOf = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]

export function productSpec(i: number) {
  const r = rng(i * 7919 + 17)
  const kindRoll = r()
  const kind: Kind = kindRoll < 0.8 ? "PHYSICAL" : kindRoll < 0.9 ? "SERVICE" : "COURSE"
  const langRoll = r()
  const lang: Lang = langRoll < 0.6 ? "en" : langRoll < 0.85 ? "ru" : "ar"
  const title =
    kind === "SERVICE" ? pickOf(r, { en: SERVICE_EN, ru: SERVICE_RU, ar: SERVICE_AR }[lang])
    : kind === "COURSE" ? pickOf(r, { en: COURSE_EN, ru: COURSE_RU, ar: COURSE_AR }[lang])
    : lang === "en" ? `${pickOf(r, EN_ADJ)} ${pickOf(r, EN_NOUNS)}`
    : lang === "ru" ? `${pickOf(r, RU_ADJ)} ${pickOf(r, RU_NOUNS).toLowerCase()}`
    : `${pickOf(r, AR_NOUNS)} ${pickOf(r, AR_ADJ)}`
  const parent = kind === "SERVICE" ? CATEGORIES[2] : kind === "COURSE" ? CATEGORIES[3] : pickOf(r, [CATEGORIES[0], CATEGORIES[1], CATEGORIES[4]])
  const child = pickOf(r, parent.children)
  // Base price in EUR cents, 3–400 EUR; RUB and AED derived with fixed integer factors.
  const eurCents = 300 + Math.floor(r() * 39_700)
  return {
    kind, lang,
    title: `${title} ${i}`,
    handle: `catalog-${i}`,
    description: `${title}. Catalogue item ${i} (${lang}).`,
    categoryHandle: `${parent.handle}-${child.toLowerCase().replace(/[^a-z]+/g, "-")}`,
    categoryParent: parent.handle,
    categoryName: child,
    merchantIndex: Math.floor(r() * 20),
    prices: { eur: eurCents, rub: eurCents * 100, aed: eurCents * 4 },
    stock: Math.floor(r() * 5) === 0 ? 0 : 1 + Math.floor(r() * 50),
    variants: kind === "PHYSICAL" ? ["S", "M", "L"] : ["Standard"],
  }
}
