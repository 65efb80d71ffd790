import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerDataExport } from "../../../../../../lib/privacy/customer-export"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"

/**
 * GET /store/customers/me/privacy/export — everything the platform holds about the signed-in customer
 * (GDPR art. 15/20), as one JSON download; what it gathers: lib/privacy/customer-export.ts.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  await privacy.createPrivacyRequests({ customer_id: customerId, kind: "EXPORT", status: "COMPLETED", completed_at: new Date(), completed_by: customerId })
  const data = await customerDataExport(req.scope, { customer_id: customerId, auth_identity_id: (req.auth_context as any).auth_identity_id })
  res.setHeader("Content-Disposition", `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`)
  res.json(data)
}
