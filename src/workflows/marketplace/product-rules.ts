import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { BookingMode, ProductKindValue } from "../../lib/product-kinds"
import { SELLABLE_REASONS } from "../../lib/sellable-reasons"
import { SnailError } from "../../lib/snail-error"
import { productSellability } from "./product-sellability"

type PricedVariant = { title?: string; prices?: { currency_code: string }[] }

/**
 * Every variant needs a price in each currency where the product is sold (issue 16 §5): the
 * currencies of the regions the merchant names (`region_ids`), or else of the regions its prices
 * already reach (so no variant is missing where its siblings sell). 400 PRICE_MISSING_FOR_REGION
 * names the variant, the currency and the region. Returns the regions sold in.
 */
export async function assertPricesCoverRegions(container: MedusaContainer, variants: PricedVariant[], regionIds?: string[], fieldPrefix = "variants") {
  const allRegions = await container.resolve(Modules.REGION).listRegions({}, { select: ["id", "name", "currency_code"] })
  const priced = new Set(variants.flatMap((v) => (v.prices ?? []).map((p) => p.currency_code.toLowerCase())))
  let regions = allRegions
  if (regionIds) {
    const unknown = regionIds.find((id) => !allRegions.some((r) => r.id === id))
    if (unknown) throw new SnailError(400, "INVALID_FIELD", `Unknown region ${unknown}`, "region_ids")
    regions = allRegions.filter((r) => regionIds.includes(r.id))
  } else if (allRegions.length) {
    regions = allRegions.filter((r) => priced.has(r.currency_code.toLowerCase()))
    if (!regions.length) {
      const offered = [...new Set(allRegions.map((r) => r.currency_code.toUpperCase()))].join(", ")
      throw new SnailError(400, "PRICE_MISSING_FOR_REGION", `No region of the store sells in ${[...priced].map((c) => c.toUpperCase()).join(", ")}: give a price in ${offered}`, `${fieldPrefix}.0.prices`)
    }
  }
  variants.forEach((v, i) => {
    const has = new Set((v.prices ?? []).map((p) => p.currency_code.toLowerCase()))
    const missing = regions.find((r) => !has.has(r.currency_code.toLowerCase()))
    if (missing) {
      throw new SnailError(400, "PRICE_MISSING_FOR_REGION",
        `${v.title ? `Variant '${v.title}'` : "The variant"} has no price in ${missing.currency_code.toUpperCase()}, the currency of the region ${missing.name} where this product is sold`,
        fieldPrefix === "variants" ? `variants.${i}.prices` : "prices")
    }
  })
  return regions
}

/**
 * A new or repriced variant is priced in every currency its sibling variants are sold in (a
 * sibling may lack one the new variant adds: the merchant prices them one at a time).
 */
export async function assertVariantMatchesSiblings(container: MedusaContainer, productId: string, variant: PricedVariant, exceptVariantId?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "prices.currency_code"], filters: { product_id: productId } })
  const regions = await container.resolve(Modules.REGION).listRegions({}, { select: ["id", "name", "currency_code"] })
  const sold = new Set((data as any[]).filter((v) => v.id !== exceptVariantId).flatMap((v) => (v.prices ?? []).filter(Boolean).map((p: any) => p.currency_code.toLowerCase())))
  const has = new Set((variant.prices ?? []).map((p) => p.currency_code.toLowerCase()))
  const missing = regions.find((r) => sold.has(r.currency_code.toLowerCase()) && !has.has(r.currency_code.toLowerCase()))
  if (missing) {
    throw new SnailError(400, "PRICE_MISSING_FOR_REGION",
      `${variant.title ? `Variant '${variant.title}'` : "The variant"} has no price in ${missing.currency_code.toUpperCase()}, the currency of the region ${missing.name} where this product is sold`, "prices")
  }
}

/**
 * 422 PRODUCT_NOT_SELLABLE when a product would go live that nobody could buy: a course without
 * lessons, a `slots` service without a schedule. `product_id` absent: a product being created
 * (it has neither yet).
 */
export async function assertPublishable(
  container: MedusaContainer,
  p: { product_id?: string; title: string; kind: ProductKindValue; booking_mode?: BookingMode | null }
) {
  if (!p.product_id) {
    if (p.kind === "COURSE") throw notSellable("COURSE_WITHOUT_LESSONS", SELLABLE_REASONS.COURSE_WITHOUT_LESSONS(p.title))
    if (p.kind === "SERVICE" && p.booking_mode === "slots") throw notSellable("SERVICE_WITHOUT_SCHEDULE", SELLABLE_REASONS.SERVICE_WITHOUT_SCHEDULE(p.title))
    return
  }
  const verdict = await productSellability(container, p.product_id, null, { kind: p.kind, booking_mode: p.booking_mode })
  if (!verdict.ok) throw notSellable(verdict.reason_code, verdict.reason)
}

/** Whether a new product can go live right away (the default status when the merchant names none). */
export function canPublishNew(kind: ProductKindValue, bookingMode?: BookingMode | null) {
  return kind !== "COURSE" && !(kind === "SERVICE" && bookingMode === "slots")
}

function notSellable(reasonCode: string, reason: string) {
  return new SnailError(422, "PRODUCT_NOT_SELLABLE", `${reason} (${reasonCode}); save it as a draft and publish it when it is ready`, "status", { reason_code: reasonCode })
}
