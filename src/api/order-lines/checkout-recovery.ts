import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"
import { checkoutIsDead, settleUnderCartLock } from "../../workflows/order-lines/recover-checkouts"

/**
 * In front of POST /store/carts/:id/complete: a cart whose earlier completion died half-way (an
 * order without lines) is settled first — completed with its authorization, or rolled back so this
 * request completes it afresh — so an unpaid order is never answered as a successful completion.
 * It waits on Medusa's own completion lock (the cart id), so a completion still running is never
 * mistaken for a dead one; past CHECKOUT_RECOVERY_AFTER_MS the checkout is dead and its lock is taken over.
 */
export async function settleInterruptedCompletion(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cartId = req.params.id
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [link] } = await query.graph({ entity: "order_cart", fields: ["order_id", "order.created_at"], filters: { cart_id: cartId } })
    const orderId = (link as any)?.order_id
    if (orderId) {
      // Wait for a completion still running; the moment the order is old enough to belong to a dead
      // checkout, take its lock over instead of waiting out Medusa's 2 min lock.
      const createdAt = (link as any)?.order?.created_at ?? new Date()
      const deadline = Date.now() + 35_000
      for (;;) {
        const dead = checkoutIsDead(createdAt)
        try {
          await settleUnderCartLock(req.scope, orderId, cartId, { takeOver: dead, waitS: 2 })
          break
        } catch (e: any) {
          if (!/acquir|Timed-out/i.test(e?.message ?? "")) throw e
          if (Date.now() >= deadline) throw new SnailError(409, "ORDER_BUSY", "This cart's checkout is still being completed; try again in a moment.")
        }
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}
