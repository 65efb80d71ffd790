import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { applyForMerchantWorkflow } from "../../../workflows/marketplace/apply-for-merchant"
import type { MerchantApplicationBody } from "../validators"

/** A registered merchant identity applies; it becomes the OWNER of a PENDING merchant. */
export const POST = async (req: AuthenticatedMedusaRequest<MerchantApplicationBody>, res: MedusaResponse) => {
  const auth = req.scope.resolve(Modules.AUTH)
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const email = identity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id ?? req.validatedBody.contact_email
  const { result } = await applyForMerchantWorkflow(req.scope).run({
    input: {
      auth_identity_id: identity.id,
      email,
      app_metadata: identity.app_metadata ?? {},
      profile: req.validatedBody,
    },
  })
  res.status(201).json({ merchant: result.merchant, merchant_user: result.owner })
}
