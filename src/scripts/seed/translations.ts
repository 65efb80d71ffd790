import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

// Russian and Arabic names and descriptions of the demo catalogue (issue 21 §8) through Medusa's translation module:
// store answers carry them when the request names a locale (the storefront sends its language).
// Locale codes are the storefront's (lib/i18n.ts LOCALE_META: ru-RU, ar-AE).
type Words = { ru: string; ar: string }
const PRODUCTS: Record<string, Words & { description?: Words }> = {
  "snail-shell-mug": { ru: "Кружка «Раковина улитки»", ar: "كوب صدفة الحلزون", description: { ru: "Керамическая кружка ручной глазуровки, 350 мл.", ar: "كوب خزفي مزجج يدويًا، 350 مل." } },
  "waxed-canvas-backpack": { ru: "Рюкзак из вощёного канваса", ar: "حقيبة ظهر من القماش المشمع", description: { ru: "Повседневный рюкзак на 20 л.", ar: "حقيبة ظهر يومية بسعة 20 لترًا." } },
  "linen-notebook": { ru: "Льняной блокнот", ar: "دفتر بغلاف من الكتان", description: { ru: "Блокнот A5, 160 страниц в точку, льняная обложка.", ar: "دفتر بحجم A5، 160 صفحة منقطة، بغلاف من الكتان." } },
  "slow-living-t-shirt": { ru: "Футболка «Медленная жизнь»", ar: "قميص «الحياة الهادئة»", description: { ru: "Футболка из органического хлопка с принтом улитки.", ar: "قميص من القطن العضوي مطبوع عليه حلزون." } },
  "wireless-headphones": { ru: "Беспроводные наушники", ar: "سماعات لاسلكية", description: { ru: "Полноразмерные наушники, до 30 ч работы от батареи.", ar: "سماعات رأس كبيرة تعمل حتى 30 ساعة بشحنة واحدة." } },
  "private-yoga-class": { ru: "Индивидуальное занятие йогой", ar: "حصة يوغا خاصة", description: { ru: "Индивидуальное занятие йогой, подходит новичкам.", ar: "جلسة يوغا فردية، مناسبة للمبتدئين." } },
  "haircut-and-styling": { ru: "Стрижка и укладка", ar: "قص وتصفيف الشعر", description: { ru: "Стрижка 45 минут у старшего стилиста.", ar: "قص شعر لمدة 45 دقيقة مع مصفف أول." } },
  "tax-consultation": { ru: "Налоговая консультация", ar: "استشارة ضريبية", description: { ru: "30-минутный видеозвонок с сертифицированным налоговым консультантом.", ar: "مكالمة فيديو لمدة 30 دقيقة مع مستشار ضريبي معتمد." } },
  "portrait-photo-session": { ru: "Портретная фотосессия", ar: "جلسة تصوير شخصية", description: { ru: "Час в студии и десять обработанных портретов.", ar: "ساعة في الاستوديو وعشر صور شخصية معدّلة." } },
  "sourdough-baking": { ru: "Хлеб на закваске", ar: "خبز العجين المخمر", description: { ru: "Испеките первый хлеб за неделю: шесть видеоуроков.", ar: "اخبز رغيفك الأول خلال أسبوع: ستة دروس فيديو." } },
  "arabic-for-travellers": { ru: "Арабский для путешественников", ar: "العربية للمسافرين", description: { ru: "Аудиоуроки и разговорники для поездки.", ar: "دروس صوتية وأوراق عبارات لرحلتك." } },
  "typescript-from-zero": { ru: "TypeScript с нуля", ar: "TypeScript من الصفر", description: { ru: "24 видеоурока с упражнениями.", ar: "24 درس فيديو مع تمارين." } },
  "smartphone-photography": { ru: "Фотография на смартфон", ar: "التصوير بالهاتف الذكي", description: { ru: "Десять уроков с пресетами для скачивания (PDF и видео).", ar: "عشرة دروس مع إعدادات مسبقة قابلة للتنزيل (PDF وفيديو)." } },
}
/** Variant titles, option titles and option values, by their English words. */
const WORDS: Record<string, Words> = {
  Default: { ru: "Стандарт", ar: "قياسي" },
  Format: { ru: "Формат", ar: "الصيغة" },
  Colour: { ru: "Цвет", ar: "اللون" },
  Moss: { ru: "Мох", ar: "طحلبي" },
  Sand: { ru: "Песок", ar: "رملي" },
  Size: { ru: "Размер", ar: "المقاس" },
  S: { ru: "S", ar: "S" },
  M: { ru: "M", ar: "M" },
  L: { ru: "L", ar: "L" },
  Length: { ru: "Длительность", ar: "المدة" },
  "30 minutes": { ru: "30 минут", ar: "30 دقيقة" },
  "45 minutes": { ru: "45 минут", ar: "45 دقيقة" },
  "60 minutes": { ru: "60 минут", ar: "60 دقيقة" },
  "90 minutes": { ru: "90 минут", ar: "90 دقيقة" },
  "1 hour": { ru: "1 час", ar: "ساعة واحدة" },
  "Lifetime access": { ru: "Бессрочный доступ", ar: "وصول مدى الحياة" },
  "90-day access": { ru: "Доступ на 90 дней", ar: "وصول لمدة 90 يومًا" },
}
export const DEMO_LOCALES = { ru: "ru-RU", ar: "ar-AE" } as const

/** Self-idempotent: a translation that exists for an entity and locale is left as it is (a merchant may have edited it). */
export async function seedCatalogueTranslations(container: ExecArgs["container"]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const translations = container.resolve(Modules.TRANSLATION) as any
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.title", "options.id", "options.title", "options.values.id", "options.values.value"],
    filters: { handle: Object.keys(PRODUCTS) },
  })
  const wanted: { reference: string; reference_id: string; words: Record<string, Words> }[] = []
  for (const p of products as any[]) {
    const names = PRODUCTS[p.handle]
    wanted.push({ reference: "product", reference_id: p.id, words: { title: names, ...(names.description ? { description: names.description } : {}) } })
    for (const v of p.variants ?? []) if (WORDS[v.title]) wanted.push({ reference: "product_variant", reference_id: v.id, words: { title: WORDS[v.title] } })
    for (const o of p.options ?? []) {
      if (WORDS[o.title]) wanted.push({ reference: "product_option", reference_id: o.id, words: { title: WORDS[o.title] } })
      for (const val of o.values ?? []) if (WORDS[val.value]) wanted.push({ reference: "product_option_value", reference_id: val.id, words: { value: WORDS[val.value] } })
    }
  }
  if (!wanted.length) return
  const existing = await translations.listTranslations({ reference_id: wanted.map((w) => w.reference_id) }, { take: null })
  const have = new Set(existing.map((t: any) => `${t.reference_id}:${t.locale_code}`))
  const rows = wanted.flatMap((w) =>
    (Object.keys(DEMO_LOCALES) as (keyof typeof DEMO_LOCALES)[])
      .filter((lang) => !have.has(`${w.reference_id}:${DEMO_LOCALES[lang]}`))
      .map((lang) => ({
        reference: w.reference,
        reference_id: w.reference_id,
        locale_code: DEMO_LOCALES[lang],
        translations: Object.fromEntries(Object.entries(w.words).map(([field, words]) => [field, words[lang]])),
      }))
  )
  if (rows.length) await translations.createTranslations(rows)
}
