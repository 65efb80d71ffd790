import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "./transition-order-line"

/**
 * Moves each PAID course line of the order to ACCESS_GRANTED (granting access, then capturing it). Each line is its
 * own transition: a failed capture leaves that line PAID for a retry and does not block others.
 * Idempotent: lines already past PAID are skipped.
 */
const grantPaidCourseLinesStep = createStep("grant-paid-course-lines", async (input: { order_id: string }, { container }) => {
  const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const logger = container.resolve("logger")
  const lines = await service.listOrderLines({ order_id: input.order_id, kind: "COURSE", state: "PAID" })
  const granted: string[] = []
  for (const line of lines) {
    try {
      await transitionOrderLineWorkflow(container).run({
        input: { line_id: line.id, to: "ACCESS_GRANTED", actor_type: "system", reason: "paid course: access granted" },
      })
      granted.push(line.id)
    } catch (e: any) {
      logger.warn(`Course line ${line.id} stays PAID: ${e?.message ?? e}`)
    }
  }
  return new StepResponse(granted)
})

export const grantPaidCourseLinesWorkflow = createWorkflow("grant-paid-course-lines", (input: { order_id: string }) => {
  return new WorkflowResponse(grantPaidCourseLinesStep(input))
})
