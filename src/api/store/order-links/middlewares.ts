import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { ClaimOrderBody } from "../orders/[id]/claim/validators"
import { signOrderToken } from "../../../lib/orders/order-link"

/**
 * The answer to a completed checkout carries the order's signed link token (the one the
 * confirmation email holds), so a guest's confirmation page can read the order it just placed:
 * GET /store/orders/:id?token=. Whoever completed the cart holds it anyway; an idempotent replay
 * of the completion gets a token too (res.json is wrapped before the idempotency middleware).
 */
function attachOrderLink(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (body?.type === "order" && typeof body.order?.id === "string" && !body.order_link) {
      // Valid for the link's lifetime from when the order was placed, so a replayed completion
      // answers with the very same token (an idempotent replay must not differ from the first answer).
      const placedAt = body.order.created_at ? new Date(body.order.created_at) : undefined
      body = { ...body, order_link: { token: signOrderToken(body.order.id, placedAt && !isNaN(placedAt.getTime()) ? { now: placedAt } : {}) } }
    }
    return json(body)
  }) as typeof res.json
  next()
}

export const orderLinkRoutes = [
  { matcher: "/store/carts/:id/complete", methods: ["POST" as const], middlewares: [attachOrderLink] },
  {
    matcher: "/store/orders/:id/claim",
    methods: ["POST" as const],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(ClaimOrderBody)],
  },
]
