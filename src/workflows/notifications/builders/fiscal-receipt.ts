import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { adminUrl } from "../../../lib/notifications/locale"
import { orderLinkUrl } from "../../../lib/orders/order-link"
import { FISCAL_MODULE } from "../../../modules/fiscal"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { adminRecipients, buyerOf, orderFacts } from "./shared"

const receiptOf = async (container: any, id: string) => (await (container.resolve(FISCAL_MODULE) as any).listFiscalReceipts({ id }))[0] ?? null

/** A registered Russian receipt: the buyer gets its fiscal data and the OFD's link to it. */
export const buildFiscalReceiptStep = createStep("build-fiscal-receipt-notification", async (input: { id: string }, { container }) => {
  const batch: Batch = { event_name: "fiscal.receipt.done", event_id: `fiscal.receipt:${input.id}`, messages: [] }
  const receipt = await receiptOf(container, input.id)
  const order = receipt?.status === "DONE" ? await orderFacts(container, receipt.order_id) : null
  if (!receipt || !order) return new StepResponse(batch)
  batch.messages.push({
    type: "FISCAL_RECEIPT", template: "fiscal-receipt", recipients: [buyerOf(order)],
    data: { display_id: order.display_id, settlement: receipt.settlement, total_minor: Number(receipt.total_minor), currency_code: receipt.currency_code,
      fn_number: receipt.fn_number ?? null, fd_number: receipt.fd_number ?? null, fpd: receipt.fpd ?? null,
      registered_at: new Date(receipt.done_at ?? Date.now()).toISOString(), ofd_url: receipt.ofd_url ?? null, order_url: orderLinkUrl(order.id) },
  })
  return new StepResponse(batch)
})

export const notifyFiscalReceiptWorkflow = notificationWorkflow("notify-fiscal-receipt", buildFiscalReceiptStep)

/**
 * A receipt that ended FAILED (a final refusal, or its retries ran out) needs an operator: platform
 * staff are told once per receipt (its page shows later failures after a Retry).
 */
export const buildFiscalReceiptFailedStep = createStep("build-fiscal-receipt-failed-notification", async (input: { id: string }, { container }) => {
  const batch: Batch = { event_name: "fiscal.receipt.failed", event_id: `fiscal.receipt.failed:${input.id}`, messages: [] }
  const receipt = await receiptOf(container, input.id)
  const order = receipt?.status === "FAILED" ? await orderFacts(container, receipt.order_id) : null
  if (!receipt || !order) return new StepResponse(batch)
  batch.messages.push({
    type: "ADMIN_FISCAL_RECEIPT_FAILED", template: "admin-fiscal-receipt-failed", recipients: await adminRecipients(container),
    data: { display_id: order.display_id, total_minor: Number(receipt.total_minor), currency_code: receipt.currency_code,
      refund: receipt.operation === "sell_refund", attempts: Number(receipt.attempts ?? 0), admin_url: `${adminUrl()}/fiscal-receipts` },
  })
  return new StepResponse(batch)
})

export const notifyFiscalReceiptFailedWorkflow = notificationWorkflow("notify-fiscal-receipt-failed", buildFiscalReceiptFailedStep)
