import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { MERCHANT_ACTOR } from "../../lib/merchant-actor"
import { roleAllows, type MerchantRole } from "../../lib/merchant-roles"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export type MerchantContext = {
  merchant_user: { id: string; email: string; role: MerchantRole; locale: string | null }
  merchant: { id: string; handle: string; display_name: string; kyc_status: string; country_code: string }
}
export type MerchantRequest<B = unknown> = AuthenticatedMedusaRequest<B> & { merchantContext: MerchantContext }

// Identities that have registered but do not belong to a merchant yet may only do these two things.
const UNREGISTERED_PATHS = ["/merchant/applications", "/merchant/invites/accept"]
// What staff of a not-yet-approved merchant may still reach (to see where their application stands).
const BEFORE_APPROVAL_PATHS = ["/merchant/me"]

const authenticated = authenticate(MERCHANT_ACTOR, ["bearer", "session"])
const registering = authenticate(MERCHANT_ACTOR, ["bearer", "session"], { allowUnregistered: true })

/**
 * The one gate in front of every /merchant route: authenticates the `merchant` actor, loads the
 * caller's merchant and refuses suspended or unapproved merchants. Route handlers scope every
 * query by `req.merchantContext.merchant.id`; nothing trusts an id from the request for that.
 */
export function merchantGate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.baseUrl + req.path
  if (req.method === "OPTIONS") return next()
  if (UNREGISTERED_PATHS.includes(path.replace(/\/$/, ""))) return registering(req as any, res, next)
  authenticated(req as any, res, (err?: unknown) => {
    if (err) return next(err)
    loadMerchantContext(req as MerchantRequest, path).then(() => next(), next)
  })
}

async function loadMerchantContext(req: MerchantRequest, path: string) {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const [user] = await service.listMerchantUsers({ id: req.auth_context.actor_id }, { relations: ["merchant"] })
  if (!user) throw new SnailError(401, "UNAUTHORIZED", "The signed-in identity is not a merchant user")
  const merchant = user.merchant
  if (merchant.kyc_status === "SUSPENDED") {
    throw new SnailError(403, "MERCHANT_SUSPENDED", `${merchant.display_name} is suspended: ${merchant.kyc_reason ?? "contact the platform"}`)
  }
  // Their own sessions (list, sign out) and e-mail verification too, whatever the merchant's review says.
  const ownSessions = /^\/merchant\/me\/(sessions|email-verification|locale)(\/|$)/.test(path)
  if (merchant.kyc_status !== "APPROVED" && !ownSessions && !BEFORE_APPROVAL_PATHS.includes(path.replace(/\/$/, ""))) {
    throw new SnailError(403, "MERCHANT_NOT_APPROVED", `${merchant.display_name} is ${merchant.kyc_status}: this needs an approved merchant`)
  }
  refuseForeignMerchantId(req, merchant.id)
  // Each role's routes, from the one table in src/lib/merchant-roles.ts (a transition also by its target).
  if (!roleAllows(user.role, req.method, path, (req.body as any)?.to)) {
    throw new SnailError(403, "MERCHANT_ROLE_FORBIDDEN", `A ${user.role.toLowerCase()} member may not ${req.method} ${path}`)
  }
  req.merchantContext = {
    merchant_user: { id: user.id, email: user.email, role: user.role, locale: (user as any).locale ?? null },
    merchant: {
      id: merchant.id,
      handle: merchant.handle,
      display_name: merchant.display_name,
      kyc_status: merchant.kyc_status,
      country_code: merchant.country_code,
    },
  }
}

export function requireOwner(req: MerchantRequest) {
  if (req.merchantContext.merchant_user.role !== "OWNER") {
    throw new SnailError(403, "MERCHANT_OWNER_ONLY", "Only the merchant's owner may do this")
  }
}

/**
 * Sign-in refusal for staff of suspended merchants, before a token is issued. Runs on
 * POST /auth/merchant/emailpass (the body is parsed by then).
 */
async function passwordMatches(req: MedusaRequest, email: string): Promise<boolean> {
  const password = (req.body as any)?.password
  if (typeof password !== "string") return false
  const auth = req.scope.resolve(Modules.AUTH)
  const { success } = await auth.authenticate("emailpass", { body: { email, password } } as any)
  return !!success
}

export async function refuseSuspendedSignIn(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const email = typeof (req.body as any)?.email === "string" ? (req.body as any).email.toLowerCase() : undefined
    if (email) {
      const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
      const [user] = await service.listMerchantUsers({ email }, { relations: ["merchant"] })
      // Only someone who knows the password learns of the suspension (and the shop's name); a wrong
      // password falls through to Medusa's answer, the same as for an unknown email.
      if (user?.merchant.kyc_status === "SUSPENDED" && (await passwordMatches(req, email))) {
        throw new SnailError(403, "MERCHANT_SUSPENDED", `${user.merchant.display_name} is suspended: staff cannot sign in`)
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Deny by default: a `merchant_id` anywhere in the query or body that is not the caller's own is
 * an attempt to reach another merchant, whatever the route does with it.
 */
function refuseForeignMerchantId(req: MedusaRequest, ownId: string) {
  const named = [(req.query as any)?.merchant_id, (req.body as any)?.merchant_id].flat().filter((v) => v !== undefined)
  if (named.some((id) => id !== ownId)) {
    throw new SnailError(403, "MERCHANT_SCOPE_VIOLATION", "The request names another merchant", "merchant_id")
  }
}
