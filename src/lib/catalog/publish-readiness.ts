import type { BookingMode, ProductKindValue } from "../product-kinds"

/**
 * Whether a merchant's product could be sold if it went live now (issue 22 §2, issue 16 §5), as
 * pure data so the editor's checklist, single publishing and bulk publishing judge alike.
 * Each problem has a stable `reason_code` (words for people live in the storefront, EN/RU/AR).
 */
export type ReadinessInput = {
  kind: ProductKindValue
  /** The booking mode in effect (a SERVICE with a schedule and no mode counts as `slots`). */
  booking_mode?: BookingMode | null
  lesson_count: number
  has_schedule: boolean
  variants: { id: string; title: string; currencies: string[]; manage_inventory: boolean; stocked_quantity: number }[]
  /** Every region of the store: the product is sold in those whose currency it is priced in. */
  regions: { id: string; name: string; currency_code: string }[]
}

export type ReadinessProblem =
  | { reason_code: "NO_VARIANTS" }
  | { reason_code: "NO_PRICE" }
  | { reason_code: "VARIANT_NOT_PRICED"; variant_id: string; variant_title: string; currency_code: string; region_name: string }
  | { reason_code: "NO_STOCK" }
  | { reason_code: "COURSE_WITHOUT_LESSONS" }
  | { reason_code: "SERVICE_WITHOUT_SCHEDULE" }

export function publishProblems(p: ReadinessInput): ReadinessProblem[] {
  const problems: ReadinessProblem[] = []
  if (!p.variants.length) return [{ reason_code: "NO_VARIANTS" }]

  // Sold where any variant is priced: then every variant needs that region's currency too.
  const priced = new Set(p.variants.flatMap((v) => v.currencies.map((c) => c.toLowerCase())))
  const sold = p.regions.filter((r) => priced.has(r.currency_code.toLowerCase()))
  if (!sold.length) problems.push({ reason_code: "NO_PRICE" })
  for (const v of p.variants) {
    const has = new Set(v.currencies.map((c) => c.toLowerCase()))
    const missing = sold.find((r) => !has.has(r.currency_code.toLowerCase()))
    if (missing) {
      problems.push({ reason_code: "VARIANT_NOT_PRICED", variant_id: v.id, variant_title: v.title, currency_code: missing.currency_code.toLowerCase(), region_name: missing.name })
    }
  }

  // Goods: something must be on the shelf (a variant that tracks no stock is always available).
  if (p.kind === "PHYSICAL" && !p.variants.some((v) => !v.manage_inventory || v.stocked_quantity > 0)) problems.push({ reason_code: "NO_STOCK" })
  if (p.kind === "COURSE" && p.lesson_count < 1) problems.push({ reason_code: "COURSE_WITHOUT_LESSONS" })
  if (p.kind === "SERVICE" && p.booking_mode === "slots" && !p.has_schedule) problems.push({ reason_code: "SERVICE_WITHOUT_SCHEDULE" })
  return problems
}
