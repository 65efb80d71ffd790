import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { releaseRows } from "../booking/cart-holds"
import { bookingService } from "../booking/schedules"
import { onOrderPlacedWorkflow } from "./on-order-placed"

/**
 * A checkout whose process died between creating the order and placing its lines (the orderCreated
 * hook) leaves an order without lines. A live completion is done well within this age (its longest
 * waits: the PSP client's three 10 s attempts), so an order this old without lines belongs to a dead
 * process — whose completion lock Medusa keeps for 2 min in Redis: it is taken over, not waited out.
 */
export const CHECKOUT_RECOVERY_AFTER_MS = Number(process.env.CHECKOUT_RECOVERY_AFTER_MS) || 90_000

export type CheckoutOutcome = "completed" | "rolled_back" | "nothing_to_do"

/** Every interrupted checkout older than the recovery age: completed with its authorization or rolled back. */
export async function recoverInterruptedCheckouts(container: MedusaContainer, now = new Date()) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { rows } = await pg.raw(
    `SELECT oc."order_id", oc."cart_id" FROM "order_cart" oc JOIN "order" o ON o."id" = oc."order_id"
      WHERE oc."deleted_at" IS NULL AND o."deleted_at" IS NULL AND o."status" <> 'canceled' AND o."created_at" < ?
        AND NOT EXISTS (SELECT 1 FROM "order_line" l WHERE l."order_id" = o."id" AND l."deleted_at" IS NULL)
      LIMIT 50`,
    [new Date(now.getTime() - CHECKOUT_RECOVERY_AFTER_MS)]
  )
  const outcomes: { order_id: string; outcome: CheckoutOutcome }[] = []
  for (const row of rows) {
    try {
      const outcome = await settleUnderCartLock(container, row.order_id, row.cart_id, { takeOver: true })
      outcomes.push({ order_id: row.order_id, outcome })
      if (outcome !== "nothing_to_do") logger.info(`checkout recovery: order ${row.order_id} ${outcome.replace("_", " ")}`)
    } catch (e: any) {
      logger.warn(`checkout recovery: order ${row.order_id}: ${e?.message ?? e}`)
    }
  }
  return outcomes
}

/**
 * Runs the settlement under Medusa's own completion lock (the cart id). `takeOver`: the checkout is
 * known dead (older than CHECKOUT_RECOVERY_AFTER_MS), so its lock is released first; otherwise a
 * completion still running is waited for.
 */
export async function settleUnderCartLock(container: MedusaContainer, orderId: string, cartId: string, options: { takeOver: boolean; waitS?: number }) {
  const locking = container.resolve(Modules.LOCKING)
  if (options.takeOver) await locking.release(cartId).catch(() => undefined)
  return locking.execute(cartId, () => settleInterruptedCheckout(container, orderId, cartId), { timeout: options.waitS ?? 5 })
}

/** True when an order without lines is old enough to belong to a dead checkout. */
export function checkoutIsDead(orderCreatedAt: Date | string, now = new Date()): boolean {
  return now.getTime() - new Date(orderCreatedAt).getTime() >= CHECKOUT_RECOVERY_AFTER_MS
}

/**
 * Settles one interrupted checkout (the caller holds the cart's completion lock): with an
 * authorized payment the order is placed as the checkout would have (merchants, lines, splits);
 * without one it is rolled back — the order cancelled (Medusa releases its stock reservations),
 * its booked slots released, and the cart opened again so the buyer can complete it.
 */
export async function settleInterruptedCheckout(container: MedusaContainer, orderId: string, cartId: string): Promise<CheckoutOutcome> {
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  if ((await lines.listOrderLines({ order_id: orderId }, { take: 1, select: ["id"] })).length) return "nothing_to_do"
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "status", "payment_collections.id", "payment_collections.payments.id", "payment_collections.payments.canceled_at"],
    filters: { id: orderId },
  })
  if (!order || (order as any).status === "canceled") return "nothing_to_do"
  const authorized = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).some((p: any) => p && !p.canceled_at)
  if (authorized) {
    await onOrderPlacedWorkflow(container).run({ input: { order_id: orderId } })
    return "completed"
  }
  const booked = await bookingService(container).listBookings({ order_id: orderId, status: "BOOKED" } as any)
  await releaseRows(container, booked, "RELEASED", ["BOOKED"])
  await cancelOrderWorkflow(container).run({ input: { order_id: orderId, no_notification: true } as any })
  // The cart and its payment collection go back to the cart: the next completion links them to its own order.
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.dismiss({ [Modules.ORDER]: { order_id: orderId }, [Modules.CART]: { cart_id: cartId } })
  for (const pc of (order.payment_collections ?? []).filter(Boolean) as any[]) {
    await link.dismiss({ [Modules.ORDER]: { order_id: orderId }, [Modules.PAYMENT]: { payment_collection_id: pc.id } })
  }
  await container.resolve(Modules.CART).updateCarts(cartId, { completed_at: null } as any)
  return "rolled_back"
}
