import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planTransition } from "../../../lib/line-process/engine"
import { processFor } from "../../../lib/line-process/definitions"
import type { Actor } from "../../../lib/line-process/types"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { courseRefundGuardFacts } from "../../course-access/refund-facts"

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
  // An open dispute freezes the line: no auto-close while it runs (issue 5 §7).
  const openDisputes = await (container.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).listDisputes({ order_line_id: line.id, status: "OPEN" }, { take: 1, select: ["id"] })
  const plan = planTransition(def, {
    state: line.state,
    to: input.to,
    actor: input.actor_type,
    facts: {
      trackingNumber: input.tracking_number ?? line.tracking_number,
      openDispute: openDisputes.length > 0,
      // A course refund is judged by the course's rule (window and consumption), src/lib/course-access.
      ...(line.kind === "COURSE" ? await courseRefundGuardFacts(container, line.id) : {}),
    },
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
