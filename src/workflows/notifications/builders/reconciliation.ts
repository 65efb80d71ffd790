import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { adminUrl } from "../../../lib/notifications/locale"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { adminRecipients } from "./shared"

/**
 * The daily reconciliation found differences: platform staff get the day's open ones by kind. The
 * day and its count name the message, so a re-run finding the same ones sends nothing, new ones do.
 */
export const buildReconciliationMismatchStep = createStep("build-reconciliation-mismatch-notification", async (input: { run_date: string; mismatches: number }, { container }) => {
  const rows: any[] = Number(input.mismatches) > 0
    ? await (container.resolve(MARKETPLACE_MODULE) as any).listReconciliationMismatches({ run_date: input.run_date, status: "OPEN" }, { select: ["id", "kind"], take: 10_000 })
    : []
  const batch: Batch = { event_name: "marketplace.reconciliation.completed", event_id: `reconciliation:${input.run_date}:${rows.length}`, messages: [] }
  if (!rows.length) return new StepResponse(batch)
  const kinds: Record<string, number> = {}
  for (const r of rows) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1
  batch.messages.push({
    type: "ADMIN_RECONCILIATION_MISMATCH", template: "admin-reconciliation-mismatch", recipients: await adminRecipients(container),
    data: { run_date: input.run_date, count: rows.length, kinds, admin_url: `${adminUrl()}/payouts` },
  })
  return new StepResponse(batch)
})

export const notifyReconciliationMismatchWorkflow = notificationWorkflow("notify-reconciliation-mismatch", buildReconciliationMismatchStep)
