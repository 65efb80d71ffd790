import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import { revokeCourseAccessStep } from "./steps/revoke-course-access"

export type RevokeCourseGrantInput = { grant_id?: string; line_id?: string; reason: string; actor_type: "operator" | "system"; actor_id?: string | null }

/**
 * Revokes access outside a line move: an operator's decision, a full refund booked on the line,
 * or a chargeback. Emits course.access.revoked for each grant it actually revoked.
 */
export const revokeCourseGrantWorkflow = createWorkflow("revoke-course-grant", (input: RevokeCourseGrantInput) => {
  const stepInput = transform({ input }, ({ input }) => ({ grant_id: input.grant_id, line_id: input.line_id, reason: input.reason }))
  const result = revokeCourseAccessStep(stepInput)
  const events = transform({ input, result }, ({ input, result }) =>
    result.revoked.map((id) => ({
      eventName: SNAIL_EVENTS.COURSE_ACCESS_REVOKED,
      data: { id, reason: input.reason, actor_type: input.actor_type, actor_id: input.actor_id ?? null },
    }))
  )
  emitEventStep(events as any)
  return new WorkflowResponse(result)
})
