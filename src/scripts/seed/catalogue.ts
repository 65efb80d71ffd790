import type { ProductKindValue } from "../../lib/product-kinds"

// Demo catalogue: enough of each kind for every later feature to demonstrate itself.
// Prices are in major units per currency (Medusa's pricing boundary); see src/lib/money.ts for minor units.
export type DemoPrice = { eur: number; rub: number; aed: number }
export type DemoVariant = { title: string; sku: string; options?: Record<string, string>; price: DemoPrice }
export type DemoProduct = {
  kind: ProductKindValue
  title: string
  handle: string
  description: string
  category: string
  image: string
  option?: { title: string; values: string[] }
  variants: DemoVariant[]
}

const p = (eur: number, rub: number, aed: number): DemoPrice => ({ eur, rub, aed })

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    kind: "PHYSICAL", title: "Snail Shell Mug", handle: "snail-shell-mug", category: "Home",
    description: "A hand-glazed ceramic mug, 350 ml.", image: "mug",
    variants: [{ title: "Default", sku: "MUG-350", price: p(14, 1290, 59) }],
  },
  {
    kind: "PHYSICAL", title: "Slow Living T-Shirt", handle: "slow-living-t-shirt", category: "Apparel",
    description: "Organic cotton t-shirt with a snail print.", image: "tshirt",
    option: { title: "Size", values: ["S", "M", "L"] },
    variants: ["S", "M", "L"].map((size) => ({
      title: size, sku: `TSHIRT-${size}`, options: { Size: size }, price: p(25, 2290, 99),
    })),
  },
  {
    kind: "PHYSICAL", title: "Linen Notebook", handle: "linen-notebook", category: "Stationery",
    description: "A5 notebook, 160 dotted pages, linen cover.", image: "notebook",
    option: { title: "Colour", values: ["Sand", "Moss"] },
    variants: ["Sand", "Moss"].map((colour) => ({
      title: colour, sku: `NOTEBOOK-${colour.toUpperCase()}`, options: { Colour: colour }, price: p(12.5, 990, 49),
    })),
  },
  {
    kind: "PHYSICAL", title: "Wireless Headphones", handle: "wireless-headphones", category: "Electronics",
    description: "Over-ear headphones with 30 h battery life.", image: "headphones",
    variants: [{ title: "Default", sku: "HEADPHONES-1", price: p(129, 11990, 529) }],
  },
  {
    kind: "PHYSICAL", title: "Waxed Canvas Backpack", handle: "waxed-canvas-backpack", category: "Apparel",
    description: "A 20 l everyday backpack.", image: "backpack",
    variants: [{ title: "Default", sku: "BACKPACK-20", price: p(89, 7990, 369) }],
  },
  {
    kind: "SERVICE", title: "Haircut and Styling", handle: "haircut-and-styling", category: "Beauty",
    description: "A 45-minute haircut with a senior stylist.", image: "haircut",
    variants: [{ title: "45 minutes", sku: "SVC-HAIRCUT-45", price: p(35, 2500, 150) }],
  },
  {
    kind: "SERVICE", title: "Private Yoga Class", handle: "private-yoga-class", category: "Wellness",
    description: "One-to-one yoga session, beginners welcome.", image: "yoga",
    option: { title: "Length", values: ["60 minutes", "90 minutes"] },
    variants: [
      { title: "60 minutes", sku: "SVC-YOGA-60", options: { Length: "60 minutes" }, price: p(40, 3000, 180) },
      { title: "90 minutes", sku: "SVC-YOGA-90", options: { Length: "90 minutes" }, price: p(55, 4200, 240) },
    ],
  },
  {
    kind: "SERVICE", title: "Tax Consultation", handle: "tax-consultation", category: "Professional",
    description: "A 30-minute video call with a certified tax adviser.", image: "consultation",
    variants: [{ title: "30 minutes", sku: "SVC-TAX-30", price: p(60, 4500, 250) }],
  },
  {
    kind: "SERVICE", title: "Portrait Photo Session", handle: "portrait-photo-session", category: "Photography",
    description: "An hour in the studio and ten edited portraits.", image: "photo",
    variants: [{ title: "1 hour", sku: "SVC-PHOTO-60", price: p(120, 9900, 490) }],
  },
  {
    kind: "COURSE", title: "TypeScript from Zero", handle: "typescript-from-zero", category: "Programming",
    description: "24 video lessons and exercises.", image: "typescript",
    variants: [{ title: "Lifetime access", sku: "COURSE-TS", price: p(49, 3900, 199) }],
  },
  {
    kind: "COURSE", title: "Smartphone Photography", handle: "smartphone-photography", category: "Photography",
    description: "Ten lessons with downloadable presets (PDF and video).", image: "camera",
    variants: [{ title: "90-day access", sku: "COURSE-PHOTO", price: p(29, 2400, 119) }],
  },
  {
    kind: "COURSE", title: "Arabic for Travellers", handle: "arabic-for-travellers", category: "Languages",
    description: "Audio lessons and phrase sheets for your trip.", image: "arabic",
    variants: [{ title: "Lifetime access", sku: "COURSE-ARABIC", price: p(39, 2990, 159) }],
  },
  {
    kind: "COURSE", title: "Sourdough Baking", handle: "sourdough-baking", category: "Cooking",
    description: "Bake your first loaf in a week: six video lessons.", image: "bread",
    variants: [{ title: "Lifetime access", sku: "COURSE-BREAD", price: p(19, 1490, 79) }],
  },
]
