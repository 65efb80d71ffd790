// Tiny dictionary-based i18n. English is the source of truth for the keys;
// the other languages must provide every key (enforced by the Dict type).

export const LOCALES = ["en", "ru", "ar"] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = "en"
export const LOCALE_COOKIE = "snail_lang"

export const LOCALE_META: Record<Locale, { name: string; dir: "ltr" | "rtl"; intl: string }> = {
  en: { name: "English", dir: "ltr", intl: "en-GB" },
  ru: { name: "Русский", dir: "ltr", intl: "ru-RU" },
  ar: { name: "العربية", dir: "rtl", intl: "ar-AE" },
}

const en = {
  "app.title": "SnailMarketplace",
  "nav.catalog": "Catalog",
  "nav.cart": "Cart",
  "nav.cartCount": "Items in cart: {count}",
  "lang.label": "Language",
  "region.label": "Region",
  "common.loading": "Loading…",
  "common.error": "Something went wrong: {message}",
  "config.missingKey":
    "The storefront is not configured: set NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY (the publishable API key printed by `npm run dev`, also in .data/dev-credentials.json) and restart it.",
  "kind.ALL": "All",
  "kind.PHYSICAL": "Goods",
  "kind.SERVICE": "Services",
  "kind.COURSE": "Courses",
  "kind.OTHER": "Other",
  "home.heading": "Catalog",
  "home.empty": "No products here yet.",
  "product.from": "from {price}",
  "product.noPrice": "Not sold in this region",
  "product.variant": "Option",
  "product.addToCart": "Add to cart",
  "product.adding": "Adding…",
  "product.added": "Added to cart",
  "product.notFound": "Product not found.",
  "product.back": "Back to catalog",
  "cart.heading": "Your cart",
  "cart.empty": "Your cart is empty.",
  "cart.quantity": "Quantity",
  "cart.increase": "Increase quantity",
  "cart.decrease": "Decrease quantity",
  "cart.remove": "Remove",
  "cart.subtotal": "Subtotal",
} as const

export type MessageKey = keyof typeof en
type Dict = Record<MessageKey, string>

const ru: Dict = {
  "app.title": "SnailMarketplace",
  "nav.catalog": "Каталог",
  "nav.cart": "Корзина",
  "nav.cartCount": "Товаров в корзине: {count}",
  "lang.label": "Язык",
  "region.label": "Регион",
  "common.loading": "Загрузка…",
  "common.error": "Что-то пошло не так: {message}",
  "config.missingKey":
    "Витрина не настроена: задайте NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY (публичный API-ключ, его печатает `npm run dev`, он же в .data/dev-credentials.json) и перезапустите её.",
  "kind.ALL": "Все",
  "kind.PHYSICAL": "Товары",
  "kind.SERVICE": "Услуги",
  "kind.COURSE": "Курсы",
  "kind.OTHER": "Прочее",
  "home.heading": "Каталог",
  "home.empty": "Здесь пока ничего нет.",
  "product.from": "от {price}",
  "product.noPrice": "Не продаётся в этом регионе",
  "product.variant": "Вариант",
  "product.addToCart": "В корзину",
  "product.adding": "Добавляем…",
  "product.added": "Добавлено в корзину",
  "product.notFound": "Товар не найден.",
  "product.back": "Назад в каталог",
  "cart.heading": "Ваша корзина",
  "cart.empty": "Корзина пуста.",
  "cart.quantity": "Количество",
  "cart.increase": "Увеличить количество",
  "cart.decrease": "Уменьшить количество",
  "cart.remove": "Удалить",
  "cart.subtotal": "Сумма",
}

const ar: Dict = {
  "app.title": "SnailMarketplace",
  "nav.catalog": "الكتالوج",
  "nav.cart": "السلة",
  "nav.cartCount": "عدد المنتجات في السلة: {count}",
  "lang.label": "اللغة",
  "region.label": "المنطقة",
  "common.loading": "جارٍ التحميل…",
  "common.error": "حدث خطأ ما: {message}",
  "config.missingKey":
    "المتجر غير مهيأ: عيّن NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY (مفتاح API العام الذي يطبعه `npm run dev`، وهو أيضًا في .data/dev-credentials.json) ثم أعد تشغيله.",
  "kind.ALL": "الكل",
  "kind.PHYSICAL": "سلع",
  "kind.SERVICE": "خدمات",
  "kind.COURSE": "دورات",
  "kind.OTHER": "أخرى",
  "home.heading": "الكتالوج",
  "home.empty": "لا توجد منتجات هنا بعد.",
  "product.from": "من {price}",
  "product.noPrice": "غير متاح للبيع في هذه المنطقة",
  "product.variant": "الخيار",
  "product.addToCart": "أضف إلى السلة",
  "product.adding": "جارٍ الإضافة…",
  "product.added": "تمت الإضافة إلى السلة",
  "product.notFound": "المنتج غير موجود.",
  "product.back": "العودة إلى الكتالوج",
  "cart.heading": "سلتك",
  "cart.empty": "سلتك فارغة.",
  "cart.quantity": "الكمية",
  "cart.increase": "زيادة الكمية",
  "cart.decrease": "تقليل الكمية",
  "cart.remove": "إزالة",
  "cart.subtotal": "المجموع الفرعي",
}

export const DICTIONARIES: Record<Locale, Dict> = { en, ru, ar }

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v)
}

/** Looks a key up and fills `{name}` placeholders. */
export function translate(
  locale: Locale,
  key: MessageKey,
  vars?: Record<string, string | number>
): string {
  const template = DICTIONARIES[locale][key] ?? en[key]
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m
  )
}
