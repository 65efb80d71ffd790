import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../../../../lib/snail-error"
import { availableSlots } from "../../../../../workflows/booking/availability"
import { bookingService } from "../../../../../workflows/booking/schedules"
import { parseRange } from "../../../../booking/range"

/**
 * GET /store/products/:id/slots?from=&to=&variant_id= — bookable slots (UTC ISO-8601) with the
 * schedule's time zone and remaining seats; held and booked seats are not offered.
 * Default range: the next 14 days; at most 62 days; 400 INVALID_SLOT_RANGE otherwise.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const extra = Object.keys(req.query).filter((k) => !["from", "to", "variant_id"].includes(k))
  if (extra.length) throw new SnailError(400, "UNKNOWN_FIELD", `Unknown query parameter ${extra[0]}`, extra[0])
  const { from, to } = parseRange(req.query as any, { days: 14, maxDays: 62 })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [product] } = await query.graph({ entity: "product", fields: ["id", "status", "product_kind.kind", "product_kind.booking_mode", "variants.id"], filters: { id: req.params.id } })
  if (!product || (product as any).status !== "published") throw new SnailError(404, "NOT_FOUND", `Product ${req.params.id} not found`)
  const variantId = typeof req.query.variant_id === "string" ? req.query.variant_id : undefined
  if (variantId && !((product as any).variants ?? []).some((v: any) => v?.id === variantId)) {
    throw new SnailError(404, "NOT_FOUND", `Variant ${variantId} not found`, "variant_id")
  }
  // A service sold by appointment offers no slots, even if it keeps a schedule.
  const byAppointment = (product as any).product_kind?.booking_mode === "by_appointment"
  const schedules = byAppointment ? [] : await bookingService(req.scope).listSchedules({ product_id: req.params.id })
  const schedule: any = (variantId && schedules.find((s: any) => s.variant_id === variantId)) ?? schedules.find((s: any) => !s.variant_id) ?? (variantId ? null : schedules[0])
  if (!schedule) {
    return res.json({ product_id: req.params.id, variant_id: variantId ?? null, bookable: false, timezone: null, slots: [], from: from.toISOString(), to: to.toISOString() })
  }
  const slots = await availableSlots(req.scope, schedule, from, to)
  res.json({
    product_id: req.params.id,
    variant_id: schedule.variant_id ?? variantId ?? null,
    bookable: true,
    timezone: schedule.timezone,
    slot_minutes: schedule.slot_minutes,
    policy: {
      free_cancel_hours: schedule.free_cancel_hours, cancel_fee_bps: schedule.cancel_fee_bps,
      reschedule_until_hours: schedule.reschedule_until_hours, max_reschedules: schedule.max_reschedules,
    },
    from: from.toISOString(),
    to: to.toISOString(),
    slots,
  })
}
