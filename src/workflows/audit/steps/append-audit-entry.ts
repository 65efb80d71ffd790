import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import type { AuditInput } from "../../../modules/audit/service"

/**
 * Appends one audit row. No compensation on purpose: the trail is append-only (a trigger refuses
 * DELETE), and a row saying an action was recorded stays true history even if a later step fails.
 */
export const appendAuditEntryStep = createStep("append-audit-entry", async (input: AuditInput, { container }) => {
  const audit: AuditModuleService = container.resolve(AUDIT_MODULE)
  return new StepResponse(await audit.append(input))
})
