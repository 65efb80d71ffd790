import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPasswordResetWorkflow } from "../workflows/notifications/builders/password-reset"

// Medusa's native reset flow emits this; we send the link to the actor's own app.
export default async function notifyPasswordReset({ event, container }: SubscriberArgs<{ entity_id: string; actor_type: string; token: string }>) {
  await notifyPasswordResetWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
