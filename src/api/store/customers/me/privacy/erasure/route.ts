import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"

/**
 * POST /store/customers/me/privacy/erasure — asks for erasure (GDPR art. 17). An operator completes it
 * (open orders, disputes and refunds are settled first); asking twice returns the open request.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const [open] = await privacy.listPrivacyRequests({ customer_id: customerId, kind: "ERASURE", status: "REQUESTED" })
  const request = open ?? (await privacy.createPrivacyRequests({ customer_id: customerId, kind: "ERASURE" }))
  res.status(202).json({ privacy_request: request })
}
