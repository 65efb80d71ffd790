import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { syncLineLedger, syncOrderShipping } from "./ledger-sync"

type Input = { order_line_id: string; order_id?: string; release?: boolean; dispute_id?: string | null }

// Booking is append-only and this is the workflow's only step: there is nothing to compensate.
const bookLineLedgerStep = createStep("book-line-ledger", async (input: Input, { container }) => {
  const { posted } = await syncLineLedger(container, input.order_line_id, { release: input.release, disputeId: input.dispute_id })
  const shipping = input.order_id ? await syncOrderShipping(container, input.order_id) : []
  // The line's succeeded payment operations are now booked: nothing is left for the recovery routine.
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  await lines.markOperationsFinished((await lines.listUnfinishedOperations({ line_id: input.order_line_id })).map((o) => o.id))
  return new StepResponse({ posted: [...posted, ...shipping] })
})

/** Books what changed on a line (capture, refund, release) and the order's captured shipping. */
export const syncLineLedgerWorkflow = createWorkflow("sync-line-ledger", (input: Input) => {
  return new WorkflowResponse(bookLineLedgerStep(input))
})
