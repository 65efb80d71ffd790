import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { effectiveBookingMode } from "../../lib/product-kinds"
import { SELLABLE_REASONS, type SellableReasonCode } from "../../lib/sellable-reasons"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"

export type Sellability = { ok: true } | { ok: false; reason_code: SellableReasonCode; reason: string }

const PRODUCT_FIELDS = ["id", "title", "status", "product_kind.kind", "product_kind.booking_mode", "variants.id", "variants.prices.currency_code"]

/**
 * Why each product could not be put in a cart (issue 16 §5), judged the way add-to-cart and
 * checkout will judge it: a course without lessons, a `slots` service without a schedule, and —
 * when a currency is given (the buyer's region) — no variant priced in it. Products not in the
 * map are sellable. Merchant approval is judged elsewhere (those products are hidden outright).
 */
export async function unsellableProducts(
  container: MedusaContainer,
  opts: { product_ids?: string[]; currency_code?: string | null; published_only?: boolean; override?: KindOverride }
): Promise<Map<string, Exclude<Sellability, { ok: true }>>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (opts.product_ids) filters.id = opts.product_ids
  if (opts.published_only) filters.status = "published"
  const { data: products } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters })
  return judgeProducts(container, products as any[], opts)
}

/**
 * The store product page's facts about one product in one read: kind, booking mode, merchant
 * approval and the currencies its variants are priced in (what the page's visibility, booking
 * and sellability answers need), instead of a query per concern.
 */
export const PRODUCT_PAGE_FACTS = [...PRODUCT_FIELDS, "merchant.kyc_status"]

/** Judges products already loaded with PRODUCT_FIELDS; schedules are read only for SERVICE products, lessons only for courses. */
export async function judgeProducts(
  container: MedusaContainer,
  products: any[],
  opts: { currency_code?: string | null; override?: KindOverride; schedules?: { product_id: string }[] }
): Promise<Map<string, Exclude<Sellability, { ok: true }>>> {
  const out = new Map<string, Exclude<Sellability, { ok: true }>>()
  if (!products.length) return out

  // A pending change (kind or booking mode about to be saved) is judged as if it were saved.
  if (opts.override) {
    products = products.map((p) => ({
      ...p,
      product_kind: {
        kind: opts.override!.kind ?? p.product_kind?.kind,
        booking_mode: opts.override!.booking_mode === undefined ? p.product_kind?.booking_mode : opts.override!.booking_mode,
      },
    }))
  }
  const kindOf = (p: any) => p.product_kind?.kind ?? "PHYSICAL"
  const courses = products.filter((p: any) => kindOf(p) === "COURSE").map((p: any) => p.id)
  const services = products.filter((p: any) => kindOf(p) === "SERVICE")
  const withLessons = new Set<string>()
  if (courses.length) {
    const lessons = await (container.resolve(COURSE_ACCESS_MODULE) as any).listCourseLessons({ product_id: courses }, { select: ["product_id"] })
    for (const l of lessons) withLessons.add(l.product_id)
  }
  const withSchedule = new Set<string>()
  if (services.length && opts.schedules) {
    for (const s of opts.schedules) withSchedule.add(s.product_id)
  } else if (services.length && container.hasRegistration?.("booking")) {
    const schedules = await (container.resolve("booking") as any).listSchedules({ product_id: services.map((p: any) => p.id) }, { select: ["product_id"] })
    for (const s of schedules) withSchedule.add(s.product_id)
  }
  const currency = opts.currency_code?.toLowerCase()

  for (const p of products as any[]) {
    const kind = kindOf(p)
    if (kind === "COURSE" && !withLessons.has(p.id)) {
      out.set(p.id, refusal("COURSE_WITHOUT_LESSONS", p.title))
    } else if (kind === "SERVICE" && effectiveBookingMode(p.product_kind?.booking_mode, withSchedule.has(p.id)) === "slots" && !withSchedule.has(p.id)) {
      out.set(p.id, refusal("SERVICE_WITHOUT_SCHEDULE", p.title))
    } else if (currency && !(p.variants ?? []).some((v: any) => (v?.prices ?? []).some((pr: any) => pr?.currency_code?.toLowerCase() === currency))) {
      out.set(p.id, refusal("NOT_PRICED_IN_REGION", p.title, currency))
    }
  }
  return out
}

type KindOverride = { kind?: string; booking_mode?: string | null }

export async function productSellability(container: MedusaContainer, productId: string, currencyCode?: string | null, override?: KindOverride): Promise<Sellability> {
  return (await unsellableProducts(container, { product_ids: [productId], currency_code: currencyCode, override })).get(productId) ?? { ok: true }
}

function refusal(code: SellableReasonCode, title: string, currency?: string): Exclude<Sellability, { ok: true }> {
  return { ok: false, reason_code: code, reason: SELLABLE_REASONS[code](title, currency?.toUpperCase()) }
}
