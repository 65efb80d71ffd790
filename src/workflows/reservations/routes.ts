import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { holdCartStock } from "./checkout-hold"

/**
 * Checkout starts when the buyer opens a payment session: the cart's physical stock is held
 * first (409 OUT_OF_STOCK and no session when it is gone). Medusa's payment session workflow has
 * no hook, hence a route middleware. To be spread into src/api/middlewares.ts `routes`.
 */
export async function holdStockOnCheckoutStart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: req.params.id },
    })
    const cartId = (data[0] as any)?.cart_id
    if (cartId) await holdCartStock(req.scope, cartId)
    next()
  } catch (e) {
    next(e)
  }
}

export const checkoutHoldRoutes: MiddlewareRoute[] = [
  { matcher: "/store/payment-collections/:id/payment-sessions", methods: ["POST"], middlewares: [holdStockOnCheckoutStart] },
]
