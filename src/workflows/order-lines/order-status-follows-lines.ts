import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeOrderWorkflow } from "@medusajs/medusa/core-flows"
import { orderEnding, type OrderEnding } from "../../lib/line-process/order-ending"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"

/**
 * Medusa's order status follows its lines (issue 16): once every line has ended, the order is
 * completed — or canceled when every line was called off (src/lib/line-process/order-ending.ts).
 * Without it an order whose goods were delivered and closed stayed "pending" in the Medusa admin,
 * every standard client and `POST /admin/orders/:id/complete` (which promised it would complete by itself).
 *
 * One lock per order's status: the admin's "Cancel order" holds it while it cancels the lines one by one,
 * so the line events it causes find the order already canceled instead of completing it half-way.
 */
const statusLockKey = (orderId: string) => `order-status:${orderId}`

export async function withOrderStatusLock<T>(container: MedusaContainer, orderId: string, job: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(statusLockKey(orderId), job, { timeout: 60 })
}

/** Marks Medusa's order ended as `ending`, unless it already left "pending". Returns whether it changed. */
export async function endMedusaOrder(container: MedusaContainer, orderId: string, ending: OrderEnding): Promise<boolean> {
  const orders = container.resolve(Modules.ORDER)
  const [order] = await orders.listOrders({ id: orderId }, { select: ["id", "status"] })
  if (!order || order.status !== "pending") return false
  if (ending === "completed") {
    // Medusa's own workflow: order.completed is emitted and its ordersCompleted hook runs.
    await completeOrderWorkflow(container).run({ input: { orderIds: [orderId] } })
  } else {
    // Medusa's cancelOrderWorkflow would refund the whole payment outside the lines' journal; the lines
    // have already given back what they owed, so only the order is marked.
    await orders.cancel(orderId)
    await container.resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: orderId } })
  }
  return true
}

const followLinesStep = createStep("order-status-follows-lines", async (input: { order_id: string }, { container }) => {
  const outcome = await withOrderStatusLock(container, input.order_id, async () => {
    const lines = await container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE).listOrderLines({ order_id: input.order_id })
    const ending = orderEnding(lines as any)
    if (!ending) return null
    return (await endMedusaOrder(container, input.order_id, ending)) ? ending : null
  })
  return new StepResponse(outcome)
})

export const orderStatusFollowsLinesWorkflow = createWorkflow("order-status-follows-lines", (input: { order_id: string }) => {
  return new WorkflowResponse(followLinesStep(input))
})
