import { codeEveryError, inputGuard, API_PREFIXES } from "../input-guard/middleware"
import { coreGapRoutes } from "../input-guard/core-gaps"
import { adminSecurityHeaders, apiSecurityHeaders } from "./headers"
import { rateLimits } from "../rate-limit/middleware"

/** Issue 20's middlewares, registered before every other entry of src/api/middlewares.ts. */
export const securityRoutes = [
  ...API_PREFIXES.map((matcher) => ({ matcher, middlewares: [apiSecurityHeaders, codeEveryError, inputGuard, rateLimits] })),
  { matcher: "/app", middlewares: [adminSecurityHeaders] },
  ...coreGapRoutes,
]
