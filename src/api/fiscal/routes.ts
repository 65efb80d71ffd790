import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { CorrectionBody, CredentialBody, ReceiptListQuery } from "./validators"

// Fiscal receipts and provider credentials for platform staff (docs/fiscal.md).
export const fiscalRoutes = [
  { matcher: "/admin/fiscal/receipts", methods: ["GET" as const], middlewares: [validateAndTransformQuery(ReceiptListQuery, {})] },
  { matcher: "/admin/fiscal/receipts/:id/correction", methods: ["POST" as const], middlewares: [validateAndTransformBody(CorrectionBody)] },
  { matcher: "/admin/fiscal/credentials", methods: ["POST" as const], middlewares: [validateAndTransformBody(CredentialBody)] },
]
