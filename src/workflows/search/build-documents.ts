import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMinor } from "../../lib/money"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import { priceBucket } from "../../modules/search/price-buckets"
import type { SearchDocument } from "../../modules/search/types"
import { availableSlots } from "../booking/availability"
import { unsellableProducts } from "../marketplace/product-sellability"
import { bookingService } from "../booking/schedules"

const PRODUCT_FIELDS = [
  "id", "title", "subtitle", "description", "handle", "thumbnail", "status", "created_at",
  "categories.id", "categories.mpath", "tags.value", "options.title", "options.values.value", "sales_channels.id",
  "variants.id", "variants.manage_inventory", "variants.allow_backorder",
  "variants.prices.amount", "variants.prices.currency_code", "variants.prices.rules_count", "variants.prices.price_list_id",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "product_kind.kind", "merchant.id", "merchant.display_name", "merchant.kyc_status",
]

/**
 * The search documents of these products, read from the source of truth (product, pricing,
 * inventory, marketplace, booking and course modules through query.graph). A product gets no
 * document — so it leaves the index — when it is not published, its merchant is not APPROVED, it
 * is in no sales channel, it cannot be sold at all (a course without lessons, a `slots` service
 * without a schedule), or it has no base price in a currency (then it cannot be sold there).
 */
export async function buildSearchDocuments(container: MedusaContainer, productIds: string[], opts: { slotDays: number; now?: Date }): Promise<SearchDocument[]> {
  if (!productIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: productIds } })
  const listed = (products as any[]).filter(isListed)
  if (!listed.length) return []
  // Judged as add-to-cart judges it (a course without lessons, a `slots` service without a
  // schedule): such a product gets no document, so a document in a currency means "can be bought
  // there" and store listings with a region read sellability off the projection (issue 18 §4).
  const refused = await unsellableProducts(container, { product_ids: listed.map((p) => p.id) })
  const sellable = listed.filter((p) => !refused.has(p.id))
  if (!sellable.length) return []

  const categoryNames = await categoryNamesOf(container, sellable)
  const nextSlots = await nextFreeSlots(container, sellable.filter((p) => p.product_kind?.kind === "SERVICE").map((p) => p.id), opts)
  const courses = await publishedCourses(container, sellable.filter((p) => p.product_kind?.kind === "COURSE").map((p) => p.id))

  const docs: SearchDocument[] = []
  for (const p of sellable) {
    const kind = p.product_kind?.kind ?? null
    const categoryIds = [...new Set((p.categories ?? []).flatMap((c: any) => ancestry(c)))] as string[]
    const nextSlot = nextSlots.get(p.id) ?? null
    const available = kind === "SERVICE" ? nextSlot !== null : kind === "COURSE" ? courses.has(p.id) : (p.variants ?? []).some(variantInStock)
    for (const [currency, range] of priceRanges(p)) {
      docs.push({
        id: `${p.id}:${currency}`,
        product_id: p.id,
        currency_code: currency,
        sales_channel_ids: (p.sales_channels ?? []).map((s: any) => s.id).sort(),
        title: p.title,
        subtitle: p.subtitle ?? null,
        description: p.description ?? null,
        handle: p.handle ?? null,
        thumbnail: p.thumbnail ?? null,
        kind,
        merchant_id: p.merchant?.id ?? null,
        merchant_name: p.merchant?.display_name ?? null,
        category_ids: categoryIds,
        category_names: categoryIds.map((id) => categoryNames.get(id) ?? "").filter(Boolean),
        tags: (p.tags ?? []).map((t: any) => t.value).sort(),
        options: (p.options ?? []).map((o: any) => [o.title, ...(o.values ?? []).map((v: any) => v.value)].join(" ")).join(" ") || null,
        price_min: range.min,
        price_max: range.max,
        price_bucket: priceBucket(range.min, currency),
        available,
        next_slot_at: nextSlot,
        popularity: 0,
        created_at: new Date(p.created_at).toISOString(),
      })
    }
  }
  return docs
}

function isListed(p: any): boolean {
  if (p.status !== "published") return false
  if (p.merchant && p.merchant.kyc_status !== "APPROVED") return false
  return (p.sales_channels ?? []).length > 0
}

/** Lowest and highest base price (no rules, no price list) per currency, integer minor units. */
function priceRanges(p: any): Map<string, { min: number; max: number }> {
  const out = new Map<string, { min: number; max: number }>()
  for (const v of p.variants ?? []) {
    for (const price of v.prices ?? []) {
      if (price.price_list_id || Number(price.rules_count ?? 0) > 0 || price.amount == null) continue
      const currency = String(price.currency_code).toLowerCase()
      const minor = toMinor(price.amount, currency)
      const r = out.get(currency)
      out.set(currency, r ? { min: Math.min(r.min, minor), max: Math.max(r.max, minor) } : { min: minor, max: minor })
    }
  }
  return out
}

function variantInStock(v: any): boolean {
  if (!v.manage_inventory || v.allow_backorder) return true
  const items = v.inventory_items ?? []
  if (!items.length) return false
  return items.every((link: any) => {
    const free = (link.inventory?.location_levels ?? []).reduce((sum: number, l: any) => sum + Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0), 0)
    return free >= Number(link.required_quantity ?? 1)
  })
}

/** A category and its ancestors (mpath "pcat_root.pcat_child."), so filtering by a parent finds its children's products. */
function ancestry(c: any): string[] {
  const path = String(c.mpath ?? "").split(".").filter(Boolean)
  return path.length ? path : [c.id]
}

async function categoryNamesOf(container: MedusaContainer, products: any[]): Promise<Map<string, string>> {
  const ids = [...new Set(products.flatMap((p) => (p.categories ?? []).flatMap(ancestry)))]
  if (!ids.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_category", fields: ["id", "name"], filters: { id: ids } })
  return new Map((data as any[]).map((c) => [c.id, c.name]))
}

/** First free slot within `slotDays` per SERVICE product (any of its schedules). */
async function nextFreeSlots(container: MedusaContainer, productIds: string[], opts: { slotDays: number; now?: Date }): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!productIds.length) return out
  const now = opts.now ?? new Date()
  const to = new Date(now.getTime() + opts.slotDays * 86_400_000)
  const schedules = await bookingService(container).listSchedules({ product_id: productIds })
  for (const s of schedules as any[]) {
    const [first] = await availableSlots(container, s, now, to, now)
    if (!first) continue
    const known = out.get(s.product_id)
    if (!known || first.start_at < known) out.set(s.product_id, first.start_at)
  }
  return out
}

/** A COURSE is sellable once its delivery policy is set (docs/course-access.md). */
async function publishedCourses(container: MedusaContainer, productIds: string[]): Promise<Set<string>> {
  if (!productIds.length) return new Set()
  const courses: any = container.resolve(COURSE_ACCESS_MODULE)
  const policies = await courses.listCoursePolicies({ product_id: productIds }, { select: ["product_id"] })
  return new Set(policies.map((p: any) => p.product_id))
}
