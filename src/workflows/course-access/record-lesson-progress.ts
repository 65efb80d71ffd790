import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "../order-lines/transition-order-line"
import { courseConsumptionSettings } from "./config"
import { LessonProgressInput, recordLessonProgressStep } from "./steps/record-lesson-progress"

export const recordLessonProgressWorkflow = createWorkflow("record-lesson-progress", (input: LessonProgressInput) => {
  return new WorkflowResponse(recordLessonProgressStep(input))
})

/**
 * Records consumption of one lesson under a per-grant lock (two tabs' heartbeats, or a heartbeat
 * and a download at once, would otherwise each merge into a stale copy and lose the other's
 * seconds). A course consumed to COURSE_CONSUMED_PERCENT (default 100) moves its line
 * ACCESS_GRANTED → CONSUMED through the line engine, as the system.
 */
export async function recordProgressAndConsume(container: MedusaContainer, input: LessonProgressInput) {
  const locking = container.resolve(Modules.LOCKING)
  const { result } = await locking.execute(`course-progress:${input.grant_id}`, () => recordLessonProgressWorkflow(container).run({ input }), { timeout: 10 })
  const { consumedAtPercent } = courseConsumptionSettings()
  if (result.consumption_pct >= consumedAtPercent) {
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ id: result.order_line_id })
    if (line?.state === "ACCESS_GRANTED") {
      await transitionOrderLineWorkflow(container).run({
        input: { line_id: line.id, to: "CONSUMED", actor_type: "system", reason: `course consumed to ${result.consumption_pct}%` },
      })
    }
  }
  return result
}
