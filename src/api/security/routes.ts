import { codeEveryError, inputGuard, API_PREFIXES } from "../input-guard/middleware"
import { coreGapRoutes } from "../input-guard/core-gaps"
import { adminSecurityHeaders, apiSecurityHeaders } from "./headers"
import { rateLimits } from "../rate-limit/middleware"
import { checkSession, sessionRoutes } from "../sessions/routes"
import { auditMutations } from "../audit/middleware"
import { auditChangeRoutes } from "../audit/changes"

/** Issue 20's middlewares, registered before every other entry of src/api/middlewares.ts. */
export const securityRoutes = [
  ...API_PREFIXES.map((matcher) => ({ matcher, middlewares: [apiSecurityHeaders, codeEveryError, inputGuard, rateLimits, checkSession] })),
  ...sessionRoutes,
  // Audit trail (§7): every successful change through /admin and /merchant.
  { matcher: "/admin", middlewares: [auditMutations] },
  { matcher: "/merchant", middlewares: [auditMutations] },
  // …with before → after for settings, products, commission rules and the payout account (runs last, before the route).
  ...auditChangeRoutes,
  { matcher: "/app", middlewares: [adminSecurityHeaders] },
  ...coreGapRoutes,
]
