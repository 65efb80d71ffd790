import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderPaymentSummary } from "../../../../../lib/line-process/payment-status"
import { presentOrderLines } from "../../../../order-lines/present"
import { verifyOrderToken } from "../../../../../lib/orders/order-link"
import { SnailError } from "../../../../../lib/snail-error"
import { assertBuyersOrder } from "../../../buyer-orders"

/**
 * The buyer's own order: every line's state, history, tracking and booked time. A guest holding the
 * order's signed link (`?token=`, the confirmation page's and e-mail's) reads them too, without the
 * moves: those need the signed-in buyer (claim the order into an account first).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  const linked = verifyOrderToken(req.params.id, req.query.token)
  let guest = false
  if (customerId) {
    // A signed-in customer reading someone's order through its link (before claiming it) is a guest here.
    try {
      await assertBuyersOrder(req.scope, req.params.id, customerId)
    } catch (e) {
      if (!linked) throw e
      guest = true
    }
  } else {
    if (!linked) throw new SnailError(401, "UNAUTHORIZED", "Sign in, or open the order from its confirmation link, to see its lines")
    guest = true
  }
  const presented = await presentOrderLines(req.scope, req.params.id, "buyer", undefined, req.locale)
  const lines = guest ? presented.map((l: any) => ({ ...l, allowed_transitions: [] })) : presented
  res.json({ lines, summary: orderPaymentSummary(lines) })
}
