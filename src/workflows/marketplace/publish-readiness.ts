import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { publishProblems, type ReadinessProblem } from "../../lib/catalog/publish-readiness"
import { effectiveBookingMode, type BookingMode, type ProductKindValue } from "../../lib/product-kinds"
import { SELLABLE_REASONS } from "../../lib/sellable-reasons"
import { SnailError } from "../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import { merchantStockLocationId } from "../order-lines/merchant-location"

const FIELDS = [
  "id", "title", "product_kind.kind", "product_kind.booking_mode",
  "variants.id", "variants.title", "variants.manage_inventory", "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.location_id", "variants.inventory_items.inventory.location_levels.stocked_quantity",
]

export type Readiness = { ready: boolean; problems: ReadinessProblem[] }

/**
 * The publish checklist of a merchant's products, read from the catalogue as it is now: prices
 * against the store's regions, stock at the merchant's own location, lessons, schedules.
 */
export async function loadReadiness(
  container: MedusaContainer,
  merchantId: string,
  productIds: string[],
  override?: { kind?: ProductKindValue; booking_mode?: BookingMode | null }
): Promise<Map<string, Readiness & { title: string }>> {
  const out = new Map<string, Readiness & { title: string }>()
  if (!productIds.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, regions, locationId] = await Promise.all([
    query.graph({ entity: "product", fields: FIELDS, filters: { id: productIds } }),
    container.resolve(Modules.REGION).listRegions({}, { select: ["id", "name", "currency_code"] }),
    merchantStockLocationId(container, merchantId),
  ])
  const [lessons, schedules] = await Promise.all([
    (container.resolve(COURSE_ACCESS_MODULE) as any).listCourseLessons({ product_id: productIds }, { select: ["product_id"] }),
    container.hasRegistration?.("booking")
      ? (container.resolve("booking") as any).listSchedules({ product_id: productIds }, { select: ["product_id"] })
      : [],
  ])
  for (const p of products as any[]) {
    const kind: ProductKindValue = override?.kind ?? p.product_kind?.kind ?? "PHYSICAL"
    const hasSchedule = schedules.some((s: any) => s.product_id === p.id)
    const mode = override?.booking_mode !== undefined ? override.booking_mode : p.product_kind?.booking_mode
    const problems = publishProblems({
      kind,
      booking_mode: effectiveBookingMode(mode ?? null, hasSchedule),
      lesson_count: lessons.filter((l: any) => l.product_id === p.id).length,
      has_schedule: hasSchedule,
      regions,
      variants: (p.variants ?? []).filter(Boolean).map((v: any) => ({
        id: v.id,
        title: v.title,
        currencies: (v.prices ?? []).filter(Boolean).map((pr: any) => pr.currency_code),
        manage_inventory: !!v.manage_inventory,
        stocked_quantity: stockAt(v, locationId),
      })),
    })
    out.set(p.id, { title: p.title, ready: problems.length === 0, problems })
  }
  return out
}

/** Units the variant has on the shelf at the merchant's location (only that location sells its goods). */
export function stockAt(variant: any, locationId: string | undefined): number {
  if (!locationId) return 0
  return (variant.inventory_items ?? [])
    .flatMap((i: any) => i?.inventory?.location_levels ?? [])
    .filter((l: any) => l?.location_id === locationId)
    .reduce((sum: number, l: any) => sum + Number(l.stocked_quantity ?? 0), 0)
}

/** 422 naming the first problem: PRICE_MISSING_FOR_REGION for prices, PRODUCT_NOT_SELLABLE otherwise (with `reason_code`). */
export function refusalOf(title: string, problem: ReadinessProblem): SnailError {
  if (problem.reason_code === "VARIANT_NOT_PRICED" || problem.reason_code === "NO_PRICE") {
    const message = problem.reason_code === "NO_PRICE"
      ? SELLABLE_REASONS.NO_PRICE(title)
      : `Variant '${problem.variant_title}' of '${title}' has no price in ${problem.currency_code.toUpperCase()}, the currency of the region ${problem.region_name} where this product is sold`
    return new SnailError(422, "PRICE_MISSING_FOR_REGION", message, "status", { reason_code: problem.reason_code })
  }
  const reason = SELLABLE_REASONS[problem.reason_code](title)
  return new SnailError(422, "PRODUCT_NOT_SELLABLE", `${reason} (${problem.reason_code}); save it as a draft and publish it when it is ready`, "status", { reason_code: problem.reason_code })
}

export async function assertReadyToPublish(container: MedusaContainer, merchantId: string, productId: string, override?: Parameters<typeof loadReadiness>[3]) {
  const verdict = (await loadReadiness(container, merchantId, [productId], override)).get(productId)
  if (verdict && !verdict.ready) throw refusalOf(verdict.title, verdict.problems[0])
}
