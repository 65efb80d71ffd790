import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditInput } from "../../modules/audit/service"
import { appendAuditEntryStep } from "./steps/append-audit-entry"

/** Writes one row of the audit trail (from subscribers; routes call the module through recordAudit). */
export const recordAuditWorkflow = createWorkflow("record-audit", (input: AuditInput) => {
  return new WorkflowResponse(appendAuditEntryStep(input))
})
