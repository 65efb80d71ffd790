import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import type { LineTransitionInput } from "./plan-line-transition"

/**
 * Moves the line only if it is still in the state the plan was made for (optimistic lock),
 * and appends the history row.
 */
export const applyLineTransitionStep = createStep(
  "apply-line-transition",
  async (input: { plan: { line: { id: string }; transition: string; from: string; to: string }; request: LineTransitionInput }, { container }) => {
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const { plan, request } = input
    const [before] = await service.listOrderLines({ id: plan.line.id })
    const update: Record<string, unknown> = { state: plan.to, state_entered_at: new Date() }
    if (request.carrier !== undefined) update.carrier = request.carrier
    if (request.tracking_number !== undefined) update.tracking_number = request.tracking_number
    const moved: any = await service.updateOrderLines({ selector: { id: plan.line.id, state: plan.from }, data: update } as any)
    if (!(Array.isArray(moved) ? moved.length : moved)) {
      throw new SnailError(409, "LINE_STATE_CHANGED", `Line ${plan.line.id} is no longer ${plan.from}`)
    }
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
      previous: { state: before.state, state_entered_at: before.state_entered_at, carrier: before.carrier, tracking_number: before.tracking_number },
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    await service.deleteOrderLineTransitions(undo.history_id)
    await service.updateOrderLines({ id: undo.line_id, ...undo.previous } as any)
  }
)
