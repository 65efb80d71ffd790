import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { syncLineLedgerWorkflow } from "../marketplace-money/sync-line-ledger"
import { lockOrderMoneyStep, unlockOrderMoneyStep } from "./money-lock"
import { captureLineStep } from "./steps/capture-line"
import { recordLineEventStep } from "./steps/record-line-event"

// Card authorizations lapse after about 7 days (DESIGN.md §4); capture a day before by default.
export const DEFAULT_CAPTURE_BEFORE_EXPIRY_MS = 6 * 24 * 60 * 60 * 1000
export const STATES_AWAITING_CAPTURE = ["RESERVED", "PAID", "SLOT_RESERVED"]

/** Captures one line early, keeping its state; its later capturing move then captures nothing. */
export const captureLineEarlyWorkflow = createWorkflow("capture-line-early", (input: { line_id: string }) => {
  const held = lockOrderMoneyStep({ line_id: input.line_id })
  const captured = captureLineStep({ line_id: input.line_id, actor_id: null })
  const event = transform({ input }, ({ input }) => ({
    line_id: input.line_id,
    transition: "capture_before_authorization_expiry",
    reason: "authorization about to expire: captured and held in escrow",
  }))
  recordLineEventStep(event)
  unlockOrderMoneyStep(held)
  return new WorkflowResponse(captured)
})

/**
 * Lines still waiting for their capturing move whose order is older than `afterMs`: captured now
 * so the money is not lost when the card authorization lapses (it stays in escrow until the line
 * is delivered / served / accessed — docs/marketplace-money.md).
 */
export async function captureBeforeAuthorizationExpiry(container: MedusaContainer, now = new Date(), afterMs = Number(process.env.CAPTURE_BEFORE_EXPIRY_MS) || DEFAULT_CAPTURE_BEFORE_EXPIRY_MS) {
  const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const due = await service.listOrderLines(
    { state: STATES_AWAITING_CAPTURE, captured_amount: 0, created_at: { $lte: new Date(now.getTime() - afterMs) } } as any,
    { take: 500 }
  )
  const captured: string[] = []
  const failed: { id: string; error: string }[] = []
  for (const line of due) {
    try {
      await captureLineEarlyWorkflow(container).run({ input: { line_id: line.id } })
      captured.push(line.id)
      // No transition event here: book the capture into escrow directly.
      await syncLineLedgerWorkflow(container).run({ input: { order_line_id: line.id, order_id: line.order_id } })
    } catch (e: any) {
      failed.push({ id: line.id, error: e?.message ?? String(e) })
    }
  }
  return { captured, failed }
}
