import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import { withInventoryLock } from "../../reservations/stock"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

/** Gives the line's reserved stock back (cancelled or expired physical lines). */
export const releaseLineReservationStep = createStep(
  "release-line-reservation",
  async (input: { line_id: string }, { container }) => {
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    const [line] = await lines.listOrderLines({ id: input.line_id })
    const reservations = await inventory.listReservationItems({ line_item_id: line.line_item_id })
    if (!reservations.length) return new StepResponse([], [])
    // Under Medusa's inventory lock: a release racing a reservation must not miscount the level.
    await withInventoryLock(container, reservations.map((r) => r.inventory_item_id), () =>
      inventory.deleteReservationItems(reservations.map((r) => r.id))
    )
    return new StepResponse(
      reservations.map((r) => r.id),
      reservations.map((r) => ({ line_item_id: r.line_item_id, inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: r.quantity }))
    )
  },
  async (released, { container }) => {
    if (!released?.length) return
    await withInventoryLock(container, released.map((r) => r.inventory_item_id), () =>
      container.resolve(Modules.INVENTORY).createReservationItems(released as any)
    )
  }
)
