import { authenticate } from "@medusajs/framework/http"
import { checkSession } from "./check"
import { enforcePasswordPolicy } from "../passwords/middleware"
import { issueSessionTokens } from "./issue"
import { rotateRefreshToken } from "./refresh"
import { revokeAfterPasswordReset, revokeOnSignOut } from "./revoke"

/**
 * Sessions (issue 20 §3). Registered without `methods` so each runs before Medusa's own middlewares
 * and routes of the same path; see docs/security.md.
 */
export const sessionRoutes = [
  { matcher: "/auth/token/refresh", middlewares: [rotateRefreshToken] },
  { matcher: "/auth/session", middlewares: [revokeOnSignOut] },
  { matcher: "/auth", middlewares: [enforcePasswordPolicy, issueSessionTokens, revokeAfterPasswordReset] },
  { matcher: "/store/customers/me/sessions*", middlewares: [authenticate("customer", ["session", "bearer"])] },
]

export { checkSession }
