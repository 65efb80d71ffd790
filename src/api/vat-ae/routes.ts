import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { ExchangeRateBody, TreatmentRuleBody } from "./validators"

// UAE VAT documents and settings (docs/vat-ae.md).
export const vatAeRoutes = [
  { matcher: "/store/orders/:id/tax-invoices*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/admin/vat/treatment-rules", methods: ["POST" as const], middlewares: [validateAndTransformBody(TreatmentRuleBody)] },
  { matcher: "/admin/vat/treatment-rules/:id", methods: ["POST" as const], middlewares: [validateAndTransformBody(TreatmentRuleBody)] },
  { matcher: "/admin/vat/exchange-rates", methods: ["POST" as const], middlewares: [validateAndTransformBody(ExchangeRateBody)] },
]
