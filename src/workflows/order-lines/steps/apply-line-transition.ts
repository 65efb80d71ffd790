import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import type { LineTransitionInput } from "./plan-line-transition"

/**
 * Moves the line only if it is still in the state the plan was made for (compare-and-set),
 * and appends the history row.
 */
export const applyLineTransitionStep = createStep(
  "apply-line-transition",
  async (input: { plan: { line: { id: string }; transition: string; from: string; to: string }; request: LineTransitionInput }, { container }) => {
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const { plan, request } = input
    const [before] = await service.listOrderLines({ id: plan.line.id })
    // Compare-and-set: of two moves planned from the same state, exactly one changes the row.
    const moved = await service.moveLineState({
      id: plan.line.id, from: plan.from, to: plan.to,
      ...(request.carrier !== undefined ? { carrier: request.carrier } : {}),
      ...(request.tracking_number !== undefined ? { tracking_number: request.tracking_number } : {}),
    })
    if (!moved) throw new SnailError(409, "INVALID_TRANSITION", `The line is no longer ${plan.from}; read it again before moving it`)
    const history = await service.createOrderLineTransitions({
      line_id: plan.line.id,
      transition: plan.transition,
      from_state: plan.from,
      to_state: plan.to,
      actor_type: request.actor_type,
      actor_id: request.actor_id ?? null,
      reason: request.reason ?? null,
      data: request.tracking_number ? { carrier: request.carrier ?? null, tracking_number: request.tracking_number } : null,
    } as any)
    return new StepResponse(history, {
      line_id: plan.line.id,
      history_id: history.id,
      from: plan.from,
      to: plan.to,
      previous: { carrier: before.carrier, tracking_number: before.tracking_number },
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    await service.deleteOrderLineTransitions(undo.history_id)
    // Only a line still where this move put it goes back: a compensation never overwrites another move.
    await service.moveLineState({ id: undo.line_id, from: undo.to, to: undo.from, ...undo.previous })
  }
)
