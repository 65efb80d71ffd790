import { defineMiddlewares } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PRODUCT_KINDS } from "../lib/product-kinds"
import { snailErrorHandler } from "./error-handler"
import { applyKindFilter, exposeKind, takeKindFromQuery } from "./products/kind-middlewares"

// `additional_data.kind` on product create/update; the hooks in src/workflows/hooks store it.
const productKindData = { kind: z.enum(PRODUCT_KINDS).optional() }

export default defineMiddlewares({
  errorHandler: snailErrorHandler(),
  routes: [
    { matcher: "/admin/products", methods: ["POST"], additionalDataValidator: productKindData },
    { matcher: "/admin/products/:id", methods: ["POST"], additionalDataValidator: productKindData },

    // Product listings filter by `?kind=` and every product read returns `kind`.
    { matcher: "/store/products", middlewares: [takeKindFromQuery] },
    { matcher: "/admin/products", middlewares: [takeKindFromQuery] },
    { matcher: "/store/products", methods: ["GET"], middlewares: [applyKindFilter, exposeKind] },
    { matcher: "/admin/products", methods: ["GET"], middlewares: [applyKindFilter, exposeKind] },
    { matcher: "/store/products/:id", methods: ["GET"], middlewares: [exposeKind] },
    { matcher: "/admin/products", methods: ["POST"], middlewares: [exposeKind] },
    { matcher: "/admin/products/:id", methods: ["GET", "POST"], middlewares: [exposeKind] },
  ],
})
