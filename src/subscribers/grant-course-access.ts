import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantPaidCourseLinesWorkflow } from "../workflows/order-lines/grant-paid-course-lines"

// Placeholder until the course-access module: paid course lines get access (and so are captured).
export default async function grantCourseAccess({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantPaidCourseLinesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
