import type { MedusaContainer } from "@medusajs/framework/types"
import { observedJob } from "../observability/job-runs"
import { sendDueBookingReminders } from "../workflows/notifications/booking-reminders"

/** Booking reminders 24 h before the slot (docs/notifications.md); each booking is reminded once. */
async function bookingRemindersJob(container: MedusaContainer) {
  await sendDueBookingReminders(container)
}

export const config = {
  name: "booking-reminders",
  schedule: process.env.BOOKING_REMINDERS_SCHEDULE || "*/10 * * * *",
}

export default observedJob(config.name, bookingRemindersJob)
