import type { MedusaContainer } from "@medusajs/framework/types"
import { generateSlots } from "../../lib/booking/slots"
import { bookingService, slotRules, withStoredRule } from "./schedules"

export type AvailableSlot = { start_at: string; end_at: string; timezone: string; capacity: number; remaining: number }

/** Bookable slots of a schedule in [from, to): generated, minus seats held or booked. */
export async function availableSlots(container: MedusaContainer, schedule: any, from: Date, to: Date, now = new Date()): Promise<AvailableSlot[]> {
  const slots = withStoredRule(schedule, () => generateSlots(slotRules(schedule), { from, to, now }))
  if (!slots.length) return []
  const taken = await bookingService(container).takenSeats({ schedule_id: schedule.id, from, to, now })
  return slots
    .map((s) => ({
      start_at: s.start_at.toISOString(),
      end_at: s.end_at.toISOString(),
      timezone: schedule.timezone,
      capacity: schedule.capacity,
      remaining: Math.max(0, schedule.capacity - (taken.get(s.start_at.getTime()) ?? 0)),
    }))
    .filter((s) => s.remaining > 0)
}
