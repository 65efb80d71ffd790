import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SNAIL_EVENTS } from "../../lib/events"
import { decideReschedule } from "../../lib/booking/policy"
import { LINE_AMOUNT_FIELDS, lineAmountMinor } from "../../lib/order-items"
import { toMajorString, toMinor } from "../../lib/money"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "../order-lines/transition-order-line"
import { holdSeatsForReschedule, parseSlotStart, releaseRows } from "./cart-holds"
import { cancelTerms } from "./line-booking"
import { bookingService } from "./schedules"

/** Line states in which a booking can still be cancelled or moved by the buyer. */
const OPEN_STATES = ["SLOT_RESERVED", "PAID", "CONFIRMED"]

export type BookingView = Awaited<ReturnType<typeof presentBookings>>[number]

/**
 * Bookings as the buyer, merchant staff and operators see them: slot, line state, policy, and
 * what cancelling or rescheduling would do right now (fee in minor and major units).
 */
export async function presentBookings(container: MedusaContainer, bookings: any[], now = new Date()) {
  if (!bookings.length) return []
  const service = bookingService(container)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const schedules = await service.listSchedules({ id: [...new Set(bookings.map((b) => b.schedule_id))] }, { withDeleted: true } as any)
  const itemIds = bookings.map((b) => b.line_item_id).filter(Boolean)
  const orderLines = itemIds.length ? await lines.listOrderLines({ line_item_id: itemIds }) : []
  const orderIds = [...new Set(bookings.map((b) => b.order_id).filter(Boolean))]
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id", "currency_code", "items.id", "items.title", "items.product_title", "items.variant_title", ...LINE_AMOUNT_FIELDS], filters: { id: orderIds } })
    : { data: [] as any[] }
  return bookings.map((b) => {
    const schedule: any = schedules.find((s: any) => s.id === b.schedule_id)
    const line: any = orderLines.find((l) => l.line_item_id === b.line_item_id)
    const order: any = orders.find((o: any) => o.id === b.order_id)
    const item: any = order?.items?.find((i: any) => i?.id === b.line_item_id)
    const currency = order?.currency_code ?? line?.currency_code ?? null
    const paid = item && currency ? lineAmountMinor(item, currency) : 0
    const open = b.status === "BOOKED" && line && OPEN_STATES.includes(line.state)
    const cancel = open && schedule ? cancelTerms(schedule, b, paid, now) : null
    const reschedule = open && schedule
      ? decideReschedule({ reschedule_until_hours: schedule.reschedule_until_hours, max_reschedules: schedule.max_reschedules }, { start_at: new Date(b.start_at), now, reschedule_count: b.reschedule_count })
      : null
    return {
      id: b.id,
      status: b.status,
      start_at: new Date(b.start_at).toISOString(),
      end_at: new Date(b.end_at).toISOString(),
      timezone: b.timezone,
      seat: b.seat,
      product_id: b.product_id,
      variant_id: b.variant_id,
      merchant_id: b.merchant_id,
      order_id: b.order_id,
      order_display_id: order?.display_id ?? null,
      line_item_id: b.line_item_id,
      title: item ? [item.product_title ?? item.title, item.variant_title].filter((t: any) => t && t !== "Default").join(" · ") : null,
      line: line ? { id: line.id, state: line.state } : null,
      reschedule_count: b.reschedule_count,
      rescheduled_from_id: b.rescheduled_from_id ?? null,
      currency_code: currency,
      paid_amount: currency ? toMajorString(paid, currency) : null,
      policy: schedule ? {
        free_cancel_hours: schedule.free_cancel_hours, cancel_fee_bps: schedule.cancel_fee_bps,
        reschedule_until_hours: schedule.reschedule_until_hours, max_reschedules: schedule.max_reschedules, auto_confirm: schedule.auto_confirm,
      } : null,
      cancel: cancel
        ? cancel.allowed
          ? { allowed: true, free: cancel.free, fee_amount: toMajorString(cancel.fee_minor, currency), refund_amount: toMajorString(cancel.refund_minor, currency) }
          : { allowed: false, code: cancel.code }
        : { allowed: false, code: "BOOKING_NOT_ACTIVE" },
      reschedule: reschedule
        ? reschedule.allowed ? { allowed: true, remaining: reschedule.remaining } : { allowed: false, code: reschedule.code }
        : { allowed: false, code: "BOOKING_NOT_ACTIVE" },
    }
  })
}

async function loadActive(container: MedusaContainer, bookingId: string) {
  const [booking] = await bookingService(container).listBookings({ id: bookingId })
  if (!booking) throw new SnailError(404, "NOT_FOUND", `Booking ${bookingId} not found`)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = booking.line_item_id ? await lines.listOrderLines({ line_item_id: booking.line_item_id }) : []
  if (booking.status !== "BOOKED" || !line || !OPEN_STATES.includes(line.state)) {
    throw new SnailError(409, "BOOKING_NOT_ACTIVE", `Booking ${bookingId} is ${booking.status}${line ? ` (line ${line.state})` : ""}`)
  }
  return { booking, line }
}

/** The buyer cancels: the SERVICE process's cancel move, whose refund follows the policy. */
export async function cancelBooking(container: MedusaContainer, input: { booking_id: string; actor_type: "buyer" | "merchant" | "operator"; actor_id: string; reason?: string }) {
  const { booking, line } = await loadActive(container, input.booking_id)
  if (new Date(booking.start_at).getTime() <= Date.now()) {
    throw new SnailError(422, "BOOKING_ALREADY_STARTED", "The booking has started: it can no longer be cancelled")
  }
  await transitionOrderLineWorkflow(container).run({
    input: { line_id: line.id, to: "CANCELLED", actor_type: input.actor_type, actor_id: input.actor_id, reason: input.reason ?? "booking cancelled" },
  })
  const [after] = await bookingService(container).listBookings({ id: booking.id })
  return after
}

/**
 * Moves a booking to another slot of its schedule, atomically: the new seat is held first (409
 * SLOT_UNAVAILABLE when someone else holds or booked it), then one transaction books it and
 * retires the old one; the old seat is free only after the new one is ours.
 */
export async function rescheduleBooking(container: MedusaContainer, input: { booking_id: string; slot_start: string; actor_id: string; now?: Date }) {
  const now = input.now ?? new Date()
  const { booking } = await loadActive(container, input.booking_id)
  const service = bookingService(container)
  const [schedule] = await service.listSchedules({ id: booking.schedule_id })
  if (!schedule) throw new SnailError(409, "BOOKING_NOT_ACTIVE", "The booking's schedule was removed")
  const decision = decideReschedule(
    { reschedule_until_hours: schedule.reschedule_until_hours, max_reschedules: schedule.max_reschedules },
    { start_at: new Date(booking.start_at), now, reschedule_count: booking.reschedule_count }
  )
  if (!decision.allowed) throw new SnailError(422, decision.code, decision.message)
  const start = parseSlotStart(input.slot_start)
  // Every seat the line booked (its quantity) moves together to the new slot.
  const seats = (await service.listBookings({ line_item_id: booking.line_item_id, status: "BOOKED" } as any))
    .sort((x: any, y: any) => (x.id === booking.id ? -1 : y.id === booking.id ? 1 : 0))
  const heldSeats = await holdSeatsForReschedule(container, booking.variant_id ?? "", start, booking.customer_id ?? null, seats.length, now)
  const held = heldSeats[0]
  try {
    await service.swapBookings({ pairs: seats.map((s: any, i: number) => ({ old_id: s.id, new_id: heldSeats[i].id })) })
  } catch (e: any) {
    await releaseRows(container, heldSeats)
    throw new SnailError(409, "BOOKING_NOT_ACTIVE", e?.message ?? "The booking changed meanwhile")
  }
  for (const s of seats) await service.releaseSeatLock(s).catch(() => undefined)
  const [moved] = await service.listBookings({ id: held.id })
  await container.resolve(Modules.EVENT_BUS).emit({
    name: SNAIL_EVENTS.BOOKING_RESCHEDULED,
    data: { id: moved.id, previous_id: booking.id, order_id: moved.order_id, line_item_id: moved.line_item_id, merchant_id: moved.merchant_id,
      from_start_at: new Date(booking.start_at).toISOString(), start_at: new Date(moved.start_at).toISOString(), actor_id: input.actor_id },
  })
  return moved
}

/** Major-unit helper for routes that quote the fee. */
export const feeMajor = (minor: number, currency: string) => toMajorString(minor, currency)
export const toMinorUnits = (major: any, currency: string) => toMinor(major, currency)
