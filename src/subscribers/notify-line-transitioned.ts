import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SNAIL_EVENTS } from "../lib/events"
import { notifyBookingCancelledWorkflow } from "../workflows/notifications/builders/booking-cancelled"
import { notifyBookingConfirmedWorkflow } from "../workflows/notifications/builders/booking-confirmed"
import { notifyCourseAccessGrantedWorkflow } from "../workflows/notifications/builders/course-access-granted"
import { notifyLineDeliveredWorkflow } from "../workflows/notifications/builders/line-delivered"
import { notifyLineShippedWorkflow } from "../workflows/notifications/builders/line-shipped"
import { notifyReturnAcceptedWorkflow } from "../workflows/notifications/builders/return-accepted"

type Moved = { id: string; kind: string; from: string; to: string; actor_type?: string }
type Input = { line_id: string; from: string; actor_type?: string }

// Which line moves a person hears about, by kind and target state; each has its own workflow.
const WORKFLOWS: Record<string, (container: any) => { run: (o: { input: Input }) => Promise<unknown> }> = {
  "PHYSICAL:SHIPPED": notifyLineShippedWorkflow,
  "PHYSICAL:DELIVERED": notifyLineDeliveredWorkflow,
  "PHYSICAL:RETURNED": notifyReturnAcceptedWorkflow,
  "SERVICE:CONFIRMED": notifyBookingConfirmedWorkflow,
  "SERVICE:CANCELLED": notifyBookingCancelledWorkflow,
  "COURSE:ACCESS_GRANTED": notifyCourseAccessGrantedWorkflow,
}

export default async function notifyLineTransitioned({ event, container }: SubscriberArgs<Moved>) {
  const workflow = WORKFLOWS[`${event.data.kind}:${event.data.to}`]
  if (workflow) await workflow(container).run({ input: { line_id: event.data.id, from: event.data.from, actor_type: event.data.actor_type } })
}

export const config: SubscriberConfig = { event: SNAIL_EVENTS.ORDER_LINE_TRANSITIONED }
