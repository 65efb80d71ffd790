import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { dispatchFiscalReceipts } from "../workflows/fiscal/dispatch"

/** Fiscal outbox: sends pending receipts, polls sent ones, retries failures with backoff (docs/fiscal.md). */
async function fiscalReceiptsJob(container: MedusaContainer) {
  await dispatchFiscalReceipts(container)
}

export const config = {
  name: "fiscal-receipts",
  // Every minute; FISCAL_RECEIPTS_SCHEDULE (cron, seconds allowed) lets the browser test poll every few seconds.
  schedule: process.env.FISCAL_RECEIPTS_SCHEDULE || "* * * * *",
}

export default observedJob(config.name, fiscalReceiptsJob)
