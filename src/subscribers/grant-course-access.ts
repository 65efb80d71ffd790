import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantPaidCourseLinesWorkflow } from "../workflows/order-lines/grant-paid-course-lines"

/**
 * Paid course lines get access: each PAID COURSE line moves to ACCESS_GRANTED, whose effects
 * create the grant (course-access module) and capture the line. A redelivered event finds no PAID
 * line and the grant is unique per line, so it changes nothing.
 */
export default async function grantCourseAccess({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantPaidCourseLinesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
