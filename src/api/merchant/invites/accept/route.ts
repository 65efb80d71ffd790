import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { acceptMerchantInviteWorkflow } from "../../../../workflows/marketplace/merchant-invites"

export const POST = async (req: AuthenticatedMedusaRequest<{ token: string }>, res: MedusaResponse) => {
  const auth = req.scope.resolve(Modules.AUTH)
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const email = identity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id
  const { result } = await acceptMerchantInviteWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, email: email ?? "", auth_identity_id: identity.id, app_metadata: identity.app_metadata ?? {} },
  })
  res.json({ merchant_user: result })
}
