import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcilePayments } from "../workflows/marketplace-money/reconcile"

const DAY_MS = 24 * 60 * 60 * 1000

// Yesterday (UTC) against the PSP's settlement report; mismatches are kept for the admin.
export default async function reconcilePaymentsJob(container: MedusaContainer) {
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")
  const { mismatches } = await reconcilePayments(container, { from: new Date(today.getTime() - DAY_MS), to: today })
  if (mismatches.length) container.resolve("logger").warn(`Reconciliation found ${mismatches.length} mismatch(es); see /admin/reconciliation`)
}

export const config = { name: "reconcile-payments", schedule: "30 3 * * *" }
