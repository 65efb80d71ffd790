import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../modules/privacy"
import type PrivacyModuleService from "../../../modules/privacy/service"
import { SnailError } from "../../../lib/snail-error"

const STATUSES = ["REQUESTED", "COMPLETED"]
const KINDS = ["EXPORT", "ERASURE"]

// GET /admin/privacy-requests?status=&kind= — data-subject requests, newest first.
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status, kind } = req.query as Record<string, unknown>
  if (status !== undefined && !STATUSES.includes(String(status))) throw new SnailError(400, "INVALID_FIELD", "status must be REQUESTED or COMPLETED", "status")
  if (kind !== undefined && !KINDS.includes(String(kind))) throw new SnailError(400, "INVALID_FIELD", "kind must be EXPORT or ERASURE", "kind")
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const filters: Record<string, string> = {}
  if (status) filters.status = String(status)
  if (kind) filters.kind = String(kind)
  const requests = await privacy.listPrivacyRequests(filters, { order: { created_at: "DESC" }, take: 200 })
  res.json({ privacy_requests: requests })
}
