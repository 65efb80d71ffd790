import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { sandboxPspFigures } from "../workflows/marketplace-money/psp-figures"
import { reconcilePayments } from "../workflows/marketplace-money/reconcile"
import { verifyMoney } from "../workflows/marketplace-money/verify-money"

const DAY_MS = 24 * 60 * 60 * 1000

// Yesterday (UTC) against the PSP's settlement report; mismatches are kept for the admin.
async function reconcilePaymentsJob(container: MedusaContainer) {
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")
  const { mismatches } = await reconcilePayments(container, { from: new Date(today.getTime() - DAY_MS), to: today })
  const logger = container.resolve("logger")
  if (mismatches.length) logger.warn(`Reconciliation found ${mismatches.length} mismatch(es); see /admin/reconciliation`)
  // And the money invariants over every order (the same check as `npm run verify:money`).
  const report = await verifyMoney(container, { psp: sandboxPspFigures() })
  for (const v of report.violations) logger.error(`Money invariant ${v.rule} broken (order ${v.order_id ?? "-"}): ${v.message}`)
}

export const config = { name: "reconcile-payments", schedule: "30 3 * * *" }

export default observedJob(config.name, reconcilePaymentsJob)
