import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { ListDeliveries, PreviewQuery, SetPreferences } from "./validators"

/** Notification routes (docs/notifications.md): preferences, Telegram linking, the admin log. */
export const notificationRoutes = [
  { matcher: "/store/me/*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/me/notification-preferences", methods: ["POST" as const], middlewares: [validateAndTransformBody(SetPreferences)] },
  { matcher: "/merchant/me/notification-preferences", methods: ["POST" as const], middlewares: [validateAndTransformBody(SetPreferences)] },
  { matcher: "/admin/users/me/notification-preferences", methods: ["POST" as const], middlewares: [validateAndTransformBody(SetPreferences)] },
  { matcher: "/admin/notifications/deliveries", methods: ["GET" as const], middlewares: [validateAndTransformQuery(ListDeliveries, {})] },
  { matcher: "/admin/notifications/templates/:name/preview", methods: ["GET" as const], middlewares: [validateAndTransformQuery(PreviewQuery, {})] },
]
