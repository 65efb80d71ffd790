import type { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_MODULE } from "../../modules/booking"
import { notifyBookingReminderWorkflow } from "./builders/booking-reminder"

/** How long before the start a booking is reminded (BOOKING_REMINDER_LEAD_MS, 24 h). */
export const reminderLeadMs = () => Number(process.env.BOOKING_REMINDER_LEAD_MS || 24 * 3600_000)

/**
 * Every booked slot starting within the lead time gets its reminder. The job may see a booking on
 * many passes; the delivery's unique row makes the reminder go out once.
 */
export async function sendDueBookingReminders(container: MedusaContainer, now = new Date()): Promise<string[]> {
  const bookings: any[] = await (container.resolve(BOOKING_MODULE) as any).listBookings(
    { status: "BOOKED", start_at: { $gt: now, $lte: new Date(now.getTime() + reminderLeadMs()) } },
    { select: ["id", "order_id"], take: 500 }
  )
  const reminded: string[] = []
  for (const b of bookings.filter((b) => b.order_id)) {
    await notifyBookingReminderWorkflow(container).run({ input: { booking_id: b.id } })
    reminded.push(b.id)
  }
  return reminded
}
