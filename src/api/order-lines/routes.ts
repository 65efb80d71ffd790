import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { settleInterruptedCompletion } from "./checkout-recovery"
import { captureNativePaymentPerLine, refuseNativePaymentRefund } from "./native-payments"
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
  // Medusa's own payment buttons act through the line engine (native-payments.ts).
  { matcher: "/admin/payments/:id/capture", methods: ["POST" as const], middlewares: [captureNativePaymentPerLine] },
  { matcher: "/admin/payments/:id/refund", methods: ["POST" as const], middlewares: [refuseNativePaymentRefund] },
]
