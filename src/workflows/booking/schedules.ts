import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RuleError } from "../../lib/booking/recurrence"
import { effectiveBookingMode, type BookingMode } from "../../lib/product-kinds"
import type { SlotRules } from "../../lib/booking/slots"
import { SnailError } from "../../lib/snail-error"
import { BOOKING_MODULE } from "../../modules/booking"
import type BookingModuleService from "../../modules/booking/service"

export const bookingService = (container: MedusaContainer): BookingModuleService => container.resolve(BOOKING_MODULE)

export type VariantBookingInfo = {
  variant_id: string
  product_id: string
  kind: string | null
  merchant_id: string | null
  title: string
  /** SERVICE only: `slots` or `by_appointment` (effective: set by the merchant, else by whether a schedule exists). */
  booking_mode: BookingMode | null
  /** The governing schedule when the service is sold by slot; null by appointment (even if one exists). */
  schedule: any | null
}

/**
 * The schedule that governs a variant: its own (`variant_id` set) or else the product's
 * (`variant_id` null). Only SERVICE products have schedules.
 */
export async function bookingInfoForVariants(container: MedusaContainer, variantIds: string[]): Promise<Map<string, VariantBookingInfo>> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  const out = new Map<string, VariantBookingInfo>()
  if (!ids.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "product.title", "product.product_kind.kind", "product.product_kind.booking_mode", "product.merchant.id"],
    filters: { id: ids },
  })
  const productIds = [...new Set(data.map((v: any) => v.product_id))]
  const schedules = productIds.length ? await bookingService(container).listSchedules({ product_id: productIds }) : []
  for (const v of data as any[]) {
    const own = schedules.find((s: any) => s.product_id === v.product_id && s.variant_id === v.id)
    const shared = schedules.find((s: any) => s.product_id === v.product_id && !s.variant_id)
    const isService = v.product?.product_kind?.kind === "SERVICE"
    const mode = isService ? effectiveBookingMode(v.product?.product_kind?.booking_mode, Boolean(own ?? shared)) : null
    out.set(v.id, {
      variant_id: v.id,
      product_id: v.product_id,
      kind: v.product?.product_kind?.kind ?? null,
      merchant_id: v.product?.merchant?.id ?? null,
      title: v.product?.title ?? v.id,
      booking_mode: mode,
      schedule: mode === "slots" ? own ?? shared ?? null : null,
    })
  }
  return out
}

export function slotRules(schedule: any): SlotRules {
  return {
    timezone: schedule.timezone,
    rrule: schedule.rrule,
    slot_minutes: schedule.slot_minutes,
    buffer_minutes: schedule.buffer_minutes,
    window_minutes: schedule.window_minutes,
    horizon_days: schedule.horizon_days,
    min_notice_minutes: schedule.min_notice_minutes,
    exdates: schedule.exdates,
    blackouts: schedule.blackouts,
    extra_slots: schedule.extra_slots,
  }
}

/**
 * Runs slot generation for a stored schedule. A rule saved before the validator learnt to refuse
 * it (e.g. an hourly rule) is reported as the schedule's problem, not as a server error.
 */
export function withStoredRule<T>(schedule: any, generate: () => T): T {
  try {
    return generate()
  } catch (e) {
    if (!(e instanceof RuleError)) throw e
    throw new SnailError(422, "INVALID_SCHEDULE", `This service cannot be booked until its schedule is corrected: ${e.message}`, "rrule")
  }
}
