import { validateAndTransformBody } from "@medusajs/framework/http"
import { idempotent } from "../idempotency/middleware"
import { ManualPaymentReceivedBody } from "./validators"

// Staff record money received for a manual payment (src/workflows/order-lines/manual-payment.ts).
// Idempotent on X-Idempotency-Key: a double-clicked or retried "received" must not count twice.
export const manualPaymentRoutes = [
  {
    matcher: "/admin/orders/:id/manual-payment/received",
    methods: ["POST" as const],
    middlewares: [validateAndTransformBody(ManualPaymentReceivedBody), idempotent()],
  },
]
