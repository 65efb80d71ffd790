import type { MedusaContainer } from "@medusajs/framework/types"
import { decideCancel } from "../../lib/booking/policy"
import { toMajorString, toMinor } from "../../lib/money"
import { bookingService } from "./schedules"

/** The live booking (BOOKED) of an order line item, with its schedule; null when it has none. */
export async function bookingOfLineItem(container: MedusaContainer, lineItemId: string) {
  if (!container.hasRegistration?.("booking")) return null
  const service = bookingService(container)
  const [booking] = await service.listBookings({ line_item_id: lineItemId, status: "BOOKED" } as any)
  if (!booking) return null
  const [schedule] = await service.listSchedules({ id: booking.schedule_id }, { withDeleted: true } as any)
  return { booking, schedule: schedule ?? null }
}

/**
 * What cancelling a booked service line costs the buyer (docs/booking.md, "Policies"): null when
 * the line has no booking or the canceller is not the buyer (merchant or operator cancellations
 * refund in full). `paid_minor` is the line amount the buyer paid.
 */
export function cancelTerms(schedule: any, booking: any, paidMinor: number, now = new Date()) {
  return decideCancel(
    { free_cancel_hours: schedule?.free_cancel_hours ?? 0, cancel_fee_bps: schedule?.cancel_fee_bps ?? 0 },
    { start_at: new Date(booking.start_at), now, paid_minor: paidMinor }
  )
}

export const minorToMajor = (minor: number, currency: string) => toMajorString(minor, currency)
export const majorToMinor = (major: any, currency: string) => toMinor(major ?? 0, currency)
