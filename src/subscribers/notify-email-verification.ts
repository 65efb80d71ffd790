import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyEmailVerificationWorkflow } from "../workflows/notifications/builders/email-verification"

// The verification link the sessions layer creates at registration (and on "send it again").
export default async function notifyEmailVerification({ event, container }: SubscriberArgs<{ actor_type: string; email: string; token: string }>) {
  await notifyEmailVerificationWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.EMAIL_VERIFICATION_REQUESTED }
