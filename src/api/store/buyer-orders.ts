import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkOrderToken } from "../../lib/orders/order-link"
import { SnailError } from "../../lib/snail-error"

/** 404 unless the order belongs to the signed-in customer. */
export async function assertBuyersOrder(scope: MedusaContainer, orderId: string, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  if (!data[0] || data[0].customer_id !== customerId) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
}

/**
 * Who acts as the buyer of one order: its signed-in customer ("account"), or whoever holds the order's
 * signed link ("link": the confirmation page's and e-mail's `?token=`, or an `x-order-token` header).
 * `customer_id` is the order's customer (a guest checkout's customer has no account) and is what the
 * buyer's workflows record as the actor, so a guest's move is the buyer's move with the same guards,
 * policies and fees. `may_move` is false for a link to an order that sits in an account: the link
 * still reads it, changing it needs that account signed in (its sessions can be revoked, a link can not).
 */
export type BuyerOnOrder = { order_id: string; customer_id: string | null; via: "account" | "link"; may_move: boolean }

export function orderLinkTokenOf(req: MedusaRequest): unknown {
  const header = req.headers?.["x-order-token"]
  return (req.query as Record<string, unknown> | undefined)?.token ?? (Array.isArray(header) ? header[0] : header)
}

function signedInCustomer(req: MedusaRequest): string | undefined {
  const auth = (req as any).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
}

/**
 * Resolves the buyer of `orderId` from the request, or refuses: no sign-in and no token 401
 * `UNAUTHORIZED`; a token that is forged, malformed or made for another order 403 `ORDER_LINK_INVALID`
 * (a link for order A never opens order B); an authentic but expired one 401 `ORDER_LINK_EXPIRED`;
 * signed in without a token on someone else's order 404 `NOT_FOUND` (as for an unknown id).
 */
export async function buyerOnOrder(req: MedusaRequest, orderId: string): Promise<BuyerOnOrder> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "customer_id", "customer.id", "customer.has_account"], filters: { id: orderId } })
  const customerId = signedInCustomer(req)
  if (order && customerId && order.customer_id === customerId) return { order_id: order.id, customer_id: customerId, via: "account", may_move: true }
  const token = orderLinkTokenOf(req)
  if (token === undefined || token === "") {
    if (customerId) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
    throw new SnailError(401, "UNAUTHORIZED", "Sign in, or open the order from its confirmation link")
  }
  const check = checkOrderToken(orderId, token)
  if (check === "invalid") throw new SnailError(403, "ORDER_LINK_INVALID", "This order link is not valid for this order")
  if (check === "expired") throw new SnailError(401, "ORDER_LINK_EXPIRED", "This order link has expired: sign in to manage the order")
  if (!order) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
  const inAccount = !!(order as any).customer?.has_account
  return { order_id: order.id, customer_id: order.customer_id ?? null, via: "link", may_move: !inAccount && !!order.customer_id }
}

/** As buyerOnOrder, and the caller may change the order (a link to an order in an account: 403). */
export async function buyerMovingOrder(req: MedusaRequest, orderId: string): Promise<BuyerOnOrder & { customer_id: string }> {
  const buyer = await buyerOnOrder(req, orderId)
  if (!buyer.may_move || !buyer.customer_id) {
    throw new SnailError(403, "ORDER_LINK_SIGN_IN_REQUIRED", "This order is in a customer account: sign in to change it")
  }
  return buyer as BuyerOnOrder & { customer_id: string }
}
