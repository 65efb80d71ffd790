import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyOrderToken } from "../../../lib/orders/order-link"
import { SnailError } from "../../../lib/snail-error"

/*
 * Ownership on Medusa's native store routes (issue 20 §2). Medusa answers GET /store/orders/:id to anyone
 * holding the id; here only the order's customer or a guest holding its signed link (?token=) reads it,
 * anyone else gets the same 404 as for an unknown id. Carts stay bearer-by-id, as in Medusa, but once
 * completed they no longer show the buyer's email or addresses to anyone but the buyer.
 */
const ORDER_PATH = /^\/store\/orders\/[^/]+\/?$/
const CART_PATH = /^\/store\/carts\/[^/]+\/?$/
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

type WithLinkToken = MedusaRequest & { orderLinkToken?: unknown }

// Mounted middlewares see a path relative to their matcher: compare the full one.
const fullPath = (req: MedusaRequest) => (req.originalUrl ?? req.url ?? "").split("?")[0]

function customerOf(req: MedusaRequest): string | undefined {
  const auth = (req as any).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
}

/** Runs before Medusa's query validator (which refuses unknown parameters): keeps `token` aside. */
function takeOrderLinkToken(req: WithLinkToken, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "GET" && ORDER_PATH.test(fullPath(req)) && req.query && "token" in req.query) {
    req.orderLinkToken = req.query.token
    delete (req.query as Record<string, unknown>).token
  }
  next()
}

async function requireOrderOwner(req: WithLinkToken, _res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  if (!order) return next() // Medusa's own 404
  const customerId = customerOf(req)
  if (customerId && order.customer_id === customerId) return next()
  if (verifyOrderToken(order.id, req.orderLinkToken)) return next()
  next(new SnailError(404, "NOT_FOUND", `Order with id: ${orderId} was not found`))
}

const CART_PRIVATE_FIELDS = ["email", "shipping_address", "billing_address", "customer", "customer_id"]

/** Wraps the cart response: a completed cart shows its contact data only to its own signed-in customer. */
async function hideCompletedCartContact(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!CART_PATH.test(fullPath(req)) || req.method !== "GET") return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "customer_id"], filters: { id: req.params.id } })
  const customerId = customerOf(req)
  if (!cart?.completed_at || (customerId && cart.customer_id === customerId)) return next()
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (body?.cart) for (const field of CART_PRIVATE_FIELDS) delete body.cart[field]
    return json(body)
  }) as any
  next()
}

export const storeOwnershipRoutes = [
  { matcher: "/store/orders/:id", middlewares: [takeOrderLinkToken] },
  { matcher: "/store/orders/:id", methods: ["GET"] as const, middlewares: [optionalCustomer, requireOrderOwner] },
  { matcher: "/store/carts/:id", methods: ["GET"] as const, middlewares: [optionalCustomer, hideCompletedCartContact] },
]
