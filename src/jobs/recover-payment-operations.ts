import type { MedusaContainer } from "@medusajs/framework/types"
import { recoverInterruptedCheckouts } from "../workflows/order-lines/recover-checkouts"
import { recoverPaymentOperations } from "../workflows/order-lines/recover-payment-operations"

// Money a crash, a timeout or a PSP fault left open is settled within a minute (DESIGN.md §4).
export default async function recoverPaymentOperationsJob(container: MedusaContainer) {
  await recoverPaymentOperations(container)
  await recoverInterruptedCheckouts(container)
}

export const config = { name: "recover-payment-operations", schedule: "* * * * *" }
