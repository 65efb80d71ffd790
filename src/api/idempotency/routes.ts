import type { MiddlewareRoute } from "@medusajs/framework/http"
import { idempotent } from "./middleware"

/**
 * POST routes that honour `X-Idempotency-Key` (README "Idempotency"): cart completion and the
 * payment operations. Appended at the end of src/api/middlewares.ts; add new payment routes here.
 */
export const idempotencyRoutes: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id/complete", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/store/payment-collections/:id/payment-sessions", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/admin/payments/:id/capture", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/admin/payments/:id/refund", methods: ["POST"], middlewares: [idempotent()] },
  // Per-line money moves: a retried refund or capturing transition must not move money twice.
  { matcher: "/admin/orders/:id/lines/:line_id/refunds", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/merchant/orders/:id/lines/:line_id/refunds", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/admin/orders/:id/lines/:line_id/transitions", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/merchant/orders/:id/lines/:line_id/transitions", methods: ["POST"], middlewares: [idempotent()] },
  { matcher: "/store/orders/:id/lines/:line_id/transitions", methods: ["POST"], middlewares: [idempotent()] },
]
