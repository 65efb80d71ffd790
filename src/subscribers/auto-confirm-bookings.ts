import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { autoConfirmBookings } from "../workflows/booking/auto-confirm"

export default async function autoConfirmBookingsSubscriber({ event, container }: SubscriberArgs<{ id: string }>) {
  const { failed } = await autoConfirmBookings(container, event.data.id)
  if (failed.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Auto-confirm of ${failed.length} booking line(s) failed: ${failed.map((f) => `${f.id}: ${f.error}`).join("; ")}`)
  }
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "auto-confirm-bookings" } }
