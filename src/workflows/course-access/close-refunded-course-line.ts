import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toMinor } from "../../lib/money"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "../order-lines/transition-order-line"

/** The COURSE process's system move for money given back in full (src/lib/line-process/definitions.ts). */
export const REFUNDED_IN_FULL = "refunded_in_full"
const OPEN_STATES = ["ACCESS_GRANTED", "CONSUMED"]

export type CloseRefundedCourseLineInput = { line_id: string; reason?: string | null }

/** Read-only: whether the line is an open course line whose captured money is all refunded. */
export const courseLineRefundedInFullStep = createStep("course-line-refunded-in-full", async (input: CloseRefundedCourseLineInput, { container }) => {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: input.line_id })
  if (!line || line.kind !== "COURSE" || !OPEN_STATES.includes(line.state)) return new StepResponse({ close: false })
  const captured = toMinor(line.captured_amount ?? 0, line.currency_code)
  const refunded = toMinor(line.refunded_amount ?? 0, line.currency_code)
  return new StepResponse({ close: captured > 0 && refunded >= captured })
})

/**
 * A course line whose captured money went back in full through a refund route (merchant or
 * operator, outside the buyer's REFUNDED move) ends REFUNDED, access revoked (the move's
 * `revoke_access` effect), in the request that refunded it. Idempotent: a closed line is left alone.
 */
export const closeRefundedCourseLineWorkflow = createWorkflow("close-refunded-course-line", (input: CloseRefundedCourseLineInput) => {
  const check = courseLineRefundedInFullStep(input)
  when({ check }, ({ check }) => check.close).then(() => {
    const move = transform({ input }, ({ input }) => ({
      line_id: input.line_id, to: "REFUNDED", actor_type: "system" as const, actor_id: null, reason: `refunded: ${input.reason ?? "line refunded"}`,
    }))
    transitionOrderLineWorkflow.runAsStep({ input: move })
  })
  return new WorkflowResponse(check)
})
