import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { resendPendingPayouts, runPayoutBatchWorkflow } from "../workflows/marketplace-money/payouts"

// Weekly payouts (Mondays 06:00 UTC); the run key is the day, so a double fire pays once.
async function payoutBatch(container: MedusaContainer) {
  // Transfers left PENDING by an outage first (same idempotency key: never paid twice).
  await resendPendingPayouts(container)
  const runKey = `scheduled:${new Date().toISOString().slice(0, 10)}`
  const { result } = await runPayoutBatchWorkflow(container).run({ input: { run_key: runKey, trigger: "schedule" } })
  container.resolve("logger").info(`Payout batch ${runKey}: ${result.batch?.payouts?.length ?? 0} payout(s)${result.created ? "" : " (already run)"}`)
}

export const config = { name: "payout-batch", schedule: process.env.PAYOUT_BATCH_SCHEDULE || "0 6 * * 1" }

export default observedJob(config.name, payoutBatch)
