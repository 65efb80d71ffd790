import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../modules/privacy/service"
import { SnailError } from "../../../../../lib/snail-error"
import { eraseCustomerWorkflow } from "../../../../../workflows/privacy/erase-customer"
import { recordAudit } from "../../../../audit/record"
import { publishRevoked } from "../../../../sessions/state"

// POST /admin/privacy-requests/:id/complete — carries out a pending erasure (docs/security.md, GDPR).
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const [request] = await privacy.listPrivacyRequests({ id: req.params.id })
  if (!request) throw new SnailError(404, "NOT_FOUND", "No such privacy request.")
  if (request.kind !== "ERASURE" || request.status !== "REQUESTED") {
    throw new SnailError(409, "PRIVACY_REQUEST_NOT_PENDING", "Only a pending erasure request can be completed.")
  }
  const { result } = await eraseCustomerWorkflow(req.scope).run({
    input: { request_id: request.id, customer_id: request.customer_id, actor_id: req.auth_context.actor_id },
  })
  await publishRevoked(req, result.signIn.revoked_sessions)
  await recordAudit(req, {
    action: "customer.erase", target_type: "customer", target_id: request.customer_id,
    before: { privacy_request: "REQUESTED" }, after: { privacy_request: "COMPLETED", sessions_revoked: result.signIn.revoked_sessions.length },
  })
  res.json({ privacy_request: result.request })
}
