import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../../../modules/audit"
import type AuditModuleService from "../../../../modules/audit/service"

// The chain check of `npm run audit:verify`, for the admin page.
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
  const report = await audit.verify()
  res.json({ ok: report.problems.length === 0, ...report })
}
