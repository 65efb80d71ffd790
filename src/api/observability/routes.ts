import { API_PREFIXES } from "../input-guard/middleware"
import { observeRequest } from "./middleware"

/** Registered first in src/api/middlewares.ts, so every later middleware's answer is measured too. */
export const observabilityRoutes = [...API_PREFIXES, "/ready", "/metrics"].map((matcher) => ({ matcher, middlewares: [observeRequest] }))
