import { observedJob } from "../observability/job-runs"
import { container as appContainer } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { recoverInterruptedCheckouts } from "../workflows/order-lines/recover-checkouts"
import { recoverPaymentOperations } from "../workflows/order-lines/recover-payment-operations"

// Money a crash, a timeout or a PSP fault left open is settled within a minute (DESIGN.md §4).
async function recoverPaymentOperationsJob(container: MedusaContainer) {
  await recoverPaymentOperations(container)
  await recoverInterruptedCheckouts(container)
}

export const config = { name: "recover-payment-operations", schedule: "* * * * *" }

// And once at start-up, a few seconds after the jobs are loaded (by the worker, or a shared
// instance), so what a killed process left open does not wait for the first tick. Not under the
// test runner, which resets its database under a running app.
if (process.env.NODE_ENV !== "test") {
  setTimeout(() => {
    recoverPaymentOperationsJob(appContainer).catch((e) => {
      try {
        appContainer.resolve("logger").warn(`payment recovery at start-up: ${e?.message ?? e}`)
      } catch {
        console.warn(`payment recovery at start-up: ${e?.message ?? e}`)
      }
    })
  }, Number(process.env.RECOVERY_STARTUP_DELAY_MS ?? 5000)).unref()
}

export default observedJob(config.name, recoverPaymentOperationsJob)
