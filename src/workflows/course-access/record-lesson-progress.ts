import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "../order-lines/transition-order-line"
import { LessonProgressInput, recordLessonProgressStep } from "./steps/record-lesson-progress"

export const recordLessonProgressWorkflow = createWorkflow("record-lesson-progress", (input: LessonProgressInput) => {
  return new WorkflowResponse(recordLessonProgressStep(input))
})

/** Records progress; a course consumed to 100 % moves its line ACCESS_GRANTED → CONSUMED (system). */
export async function recordProgressAndConsume(container: MedusaContainer, input: LessonProgressInput) {
  const { result } = await recordLessonProgressWorkflow(container).run({ input })
  if (result.consumption_pct >= 100) {
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ id: result.order_line_id })
    if (line?.state === "ACCESS_GRANTED") {
      await transitionOrderLineWorkflow(container).run({
        input: { line_id: line.id, to: "CONSUMED", actor_type: "system", reason: "course consumed to 100%" },
      })
    }
  }
  return result
}
