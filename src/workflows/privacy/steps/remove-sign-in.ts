import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { AUTH_SESSION_MODULE } from "../../../modules/auth-session"
import type AuthSessionModuleService from "../../../modules/auth-session/service"

/**
 * Ends every session (forgetting its device and IP), drops the e-mail verifications and deletes the customer's sign-in (auth identity with its password hash). Last
 * step on purpose and without compensation: a deleted password hash cannot be put back, so nothing
 * that could still fail runs after it.
 */
export const removeCustomerSignInStep = createStep(
  "remove-customer-sign-in",
  async ({ email }: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" } as any)
    const ids = [...new Set(identities.map((p: any) => p.auth_identity_id))]
    const sessions: AuthSessionModuleService = container.resolve(AUTH_SESSION_MODULE)
    const owned: string[] = []
    const revoked: string[] = []
    for (const id of ids) {
      const identity: any = await auth.retrieveAuthIdentity(id)
      const { customer_id, ...others } = identity.app_metadata ?? {}
      if (!customer_id) continue
      revoked.push(...(await sessions.revokeAllFor(id, "customer", "ACCOUNT_ERASED")))
      await sessions.forgetIdentity(id, "customer")
      // The same sign-in may also be an admin's or a merchant's: then only its customer link goes.
      if (others.user_id || others.merchant_id) await auth.updateAuthIdentities({ id, app_metadata: { ...others, customer_id: null } } as any)
      else owned.push(id)
    }
    if (owned.length) await auth.deleteAuthIdentities(owned)
    return new StepResponse({ deleted_identities: owned.length, revoked_sessions: revoked })
  }
)
