import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { releaseRows } from "../cart-holds"
import { bookingService } from "../schedules"

/** Effect `release_slot`: the line's booking stops occupying its seat (CANCELLED). */
export const releaseLineSlotStep = createStep(
  "release-line-slot",
  async (input: { line_id: string }, { container }) => {
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ id: input.line_id })
    if (!line || !container.hasRegistration?.("booking")) return new StepResponse([], [])
    const rows = await bookingService(container).listBookings({ line_item_id: line.line_item_id, status: ["BOOKED", "HELD"] } as any)
    const moved = await releaseRows(container, rows, "CANCELLED", ["BOOKED", "HELD"])
    return new StepResponse(moved, moved)
  },
  async (ids, { container }) => {
    // Back to booked if the move failed later (the seat is still ours unless the index says otherwise).
    if (ids?.length) await bookingService(container).moveStatus({ ids, from: ["CANCELLED"], to: "BOOKED" }).catch(() => undefined)
  }
)
