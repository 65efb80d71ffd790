import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

/** A history entry that is not a state change (the line stays where it is), made by the system. */
export const recordLineEventStep = createStep(
  "record-line-event",
  async (input: { line_id: string; transition: string; reason: string }, { container }) => {
    const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await service.listOrderLines({ id: input.line_id })
    const row = await service.createOrderLineTransitions({
      line_id: line.id, transition: input.transition, from_state: line.state, to_state: line.state,
      actor_type: "system", reason: input.reason,
    } as any)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(ORDER_LINES_MODULE) as OrderLinesModuleService).deleteOrderLineTransitions(id)
  }
)
