import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"

/** GET /store/customers/me/privacy/erasure — the customer's latest erasure request and its state (null if none). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const [latest] = await privacy.listPrivacyRequests({ customer_id: req.auth_context.actor_id, kind: "ERASURE" }, { order: { created_at: "DESC" }, take: 1 })
  res.json({ privacy_request: latest ? present(latest) : null })
}

const present = ({ id, kind, status, created_at, completed_at }: any) => ({ id, kind, status, created_at, completed_at })

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
