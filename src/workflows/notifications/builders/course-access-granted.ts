import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

export const buildCourseAccessGrantedStep = createStep("build-course-access-notification", async (input: { line_id: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `course.granted:${input.line_id}`, messages: [] }
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  const [grant] = await (container.resolve(COURSE_ACCESS_MODULE) as any).listCourseGrants({ order_line_id: input.line_id })
  batch.messages.push({
    type: "COURSE_ACCESS_GRANTED", template: "course-access-granted", recipients: [buyerOf(f.order)],
    data: { title: f.title, player_url: `${storefrontUrl()}/account/courses${grant ? `?course=${grant.id}` : ""}` },
  })
  return new StepResponse(batch)
})

export const notifyCourseAccessGrantedWorkflow = notificationWorkflow("notify-course-access-granted", buildCourseAccessGrantedStep)
