import { createWorkflow, type StepFunction, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueDeliveriesStep } from "./steps/queue-deliveries"
import { sendDeliveriesStep } from "./steps/send-deliveries"
import type { Batch } from "./types"

/**
 * Every notification workflow has the same shape: a builder step resolves recipients, locales and
 * the template data from the event; the queue step claims and renders; the send step sends.
 */
export function notificationWorkflow<I>(name: string, build: StepFunction<I, Batch>) {
  return createWorkflow(name, (input: WorkflowData<I>) => {
    const batch = build(input as any)
    const ids = queueDeliveriesStep(batch)
    const statuses = sendDeliveriesStep(ids)
    return new WorkflowResponse(statuses)
  })
}
