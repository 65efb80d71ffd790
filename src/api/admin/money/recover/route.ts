import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recoverInterruptedCheckouts } from "../../../../workflows/order-lines/recover-checkouts"
import { recoverPaymentOperations } from "../../../../workflows/order-lines/recover-payment-operations"

// Runs the recovery job now (it also runs every minute): open payment operations, interrupted checkouts.
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const operations = await recoverPaymentOperations(req.scope)
  const checkouts = await recoverInterruptedCheckouts(req.scope)
  res.json({ settled: operations.settled.length, operations, checkouts })
}
