import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { settleInterruptedCompletion } from "./checkout-recovery"
import { LineRefundBody, LineTransitionBody } from "./validators"

// Line lifecycle routes: buyers (their own orders), merchant staff (their own lines), operators.
export const orderLineRoutes = [
  { matcher: "/store/orders/:id/lines*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/merchant/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/admin/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/merchant/orders/:id/lines/:line_id/refunds", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineRefundBody)] },
  { matcher: "/admin/orders/:id/lines/:line_id/refunds", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineRefundBody)] },
  { matcher: "/store/carts/:id/complete", methods: ["POST" as const], middlewares: [settleInterruptedCompletion] },
]
