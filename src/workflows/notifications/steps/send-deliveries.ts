import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { attemptDelivery } from "../deliver"

/** First attempt right away; failures are left to the retry job (src/jobs/notification-retries.ts). */
export const sendDeliveriesStep = createStep("send-notification-deliveries", async (ids: string[], { container }) => {
  const statuses: Record<string, string | null> = {}
  for (const id of ids) statuses[id] = await attemptDelivery(container, id)
  return new StepResponse(statuses)
})
