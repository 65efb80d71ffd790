import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyStaffInviteWorkflow } from "../workflows/notifications/builders/merchant-staff-invite"

export default async function notifyStaffInvite({ event, container }: SubscriberArgs<{ id: string; merchant_id: string; email: string; token: string }>) {
  await notifyStaffInviteWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.MERCHANT_INVITE_CREATED }
