import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"

export type ReassignCourseGrantsInput = { order_id: string; from_customer_id: string | null; to_customer_id: string }
type Undo = { ids: string[]; customer_id: string | null }

/** The order's course grants follow it to its new customer (a guest's course becomes openable in My courses). */
export const reassignCourseGrantsStep = createStep(
  "reassign-order-course-grants",
  async (input: ReassignCourseGrantsInput, { container }) => {
    if (!input.from_customer_id || input.from_customer_id === input.to_customer_id) {
      return new StepResponse<string[], Undo>([], { ids: [], customer_id: null })
    }
    const courses: any = container.resolve(COURSE_ACCESS_MODULE)
    const grants: { id: string }[] = await courses.listCourseGrants({ order_id: input.order_id, customer_id: input.from_customer_id }, { select: ["id"] })
    const ids = grants.map((g) => g.id)
    if (ids.length) await courses.updateCourseGrants(ids.map((id) => ({ id, customer_id: input.to_customer_id })))
    return new StepResponse<string[], Undo>(ids, { ids, customer_id: input.from_customer_id })
  },
  async (undo, { container }) => {
    if (!undo?.ids.length || !undo.customer_id) return
    const customerId = undo.customer_id
    await (container.resolve(COURSE_ACCESS_MODULE) as any).updateCourseGrants(undo.ids.map((id) => ({ id, customer_id: customerId })))
  }
)
