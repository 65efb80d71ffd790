import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../lib/snail-error"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import { AuditQuery } from "./validators"

// Search the audit trail, newest first (the admin's Audit trail page).
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const parsed = AuditQuery.safeParse(req.query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SnailError(400, "INVALID_FIELD", issue.message, issue.path.join("."))
  }
  const { limit, offset, ...filters } = parsed.data
  const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
  const { entries, count } = await audit.search(filters, limit, offset)
  res.json({ entries, count, limit, offset })
}
