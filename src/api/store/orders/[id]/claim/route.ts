import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyOrderToken } from "../../../../../lib/orders/order-link"
import { SnailError } from "../../../../../lib/snail-error"
import { claimGuestOrderWorkflow } from "../../../../../workflows/orders/claim-guest-order"
import type { ClaimOrderBodyType } from "./validators"

/**
 * POST /store/orders/:id/claim { token } — the signed-in customer adds a guest order to their
 * account. Proof is the order's signed link (it went to the order's email), never an email match
 * alone. An order already in this account answers 200 again; one in another account is refused.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ClaimOrderBodyType>, res: MedusaResponse) => {
  const orderId = req.params.id
  const customerId = req.auth_context.actor_id
  // A wrong, expired or other order's token looks like an unknown order (nothing to probe).
  if (!verifyOrderToken(orderId, req.validatedBody.token)) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "customer_id", "customer.has_account"], filters: { id: orderId } })
  if (!order) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
  if (order.customer_id === customerId) return res.json({ order_id: orderId, claimed: true })
  if ((order as any).customer?.has_account) {
    throw new SnailError(409, "ORDER_IN_ANOTHER_ACCOUNT", "This order already belongs to another account")
  }
  await claimGuestOrderWorkflow(req.scope).run({ input: { order_id: orderId, customer_id: customerId } })
  res.json({ order_id: orderId, claimed: true })
}
