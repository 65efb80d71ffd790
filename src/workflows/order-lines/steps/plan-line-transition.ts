import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planTransition } from "../../../lib/line-process/engine"
import { processFor } from "../../../lib/line-process/definitions"
import type { Actor } from "../../../lib/line-process/types"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { bookingOfLineItem } from "../../booking/line-booking"

export type LineTransitionInput = {
  line_id: string
  to: string
  actor_type: Actor
  actor_id?: string | null
  reason?: string | null
  carrier?: string | null
  tracking_number?: string | null
}

/** Asks the line's own process version whether this actor may make this move now. */
export const planLineTransitionStep = createStep("plan-line-transition", async (input: LineTransitionInput, { container }) => {
  const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await service.listOrderLines({ id: input.line_id })
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
  const def = processFor(line.kind, line.process_version)
  // A booked service line's slot start feeds the slot_started / slot_not_started guards.
  const booked = line.kind === "SERVICE" ? await bookingOfLineItem(container, line.line_item_id) : null
  const plan = planTransition(def, {
    state: line.state,
    to: input.to,
    actor: input.actor_type,
    facts: { trackingNumber: input.tracking_number ?? line.tracking_number, slotStartsAt: booked ? new Date(booked.booking.start_at) : null },
  })
  if (!plan.ok) throw new SnailError(409, plan.code, plan.message, "to")
  return new StepResponse({
    line: { id: line.id, order_id: line.order_id, line_item_id: line.line_item_id, state: line.state, kind: line.kind, merchant_id: line.merchant_id },
    transition: plan.transition.name,
    from: plan.from,
    to: plan.to,
    effects: plan.effects,
  })
})
