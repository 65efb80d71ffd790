import { validateAndTransformBody } from "@medusajs/framework/http"
import { CreateShippingOption, CreateShippingZone, UpdateShippingOption, UpdateShippingZone } from "./shipping/validators"

/** The merchant's own delivery (issue 22): zones of countries and priced options at its stock location. */
export const merchantShippingRoutes = [
  { matcher: "/merchant/shipping/zones", methods: ["POST" as const], middlewares: [validateAndTransformBody(CreateShippingZone)] },
  { matcher: "/merchant/shipping/zones/:id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateShippingZone)] },
  { matcher: "/merchant/shipping/options", methods: ["POST" as const], middlewares: [validateAndTransformBody(CreateShippingOption)] },
  { matcher: "/merchant/shipping/options/:id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateShippingOption)] },
]
