// Staff record money received for a manual payment (the guard and the summary are in ./manual-payment.ts).
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MajorAmount, toMajorString, toMinor } from "../../lib/money"
import { SnailError } from "../../lib/snail-error"
import { grantPaidCourseLinesWorkflow } from "./grant-paid-course-lines"
import { ManualReceipt, manualPaymentOf } from "./manual-payment"

type RecordInput = { order_id: string; amount?: MajorAmount; reference?: string | null; actor_id?: string | null }

const recordManualReceiptStep = createStep(
  "record-manual-payment-receipt",
  async (input: RecordInput, { container }) => {
    // Serialized per order: two staff members recording at once must not both fill the same outstanding amount.
    return container.resolve(Modules.LOCKING).execute(`manual-payment:${input.order_id}`, async () => {
      const summary = await manualPaymentOf(container, input.order_id)
      if (!summary) throw new SnailError(422, "NOT_MANUAL_PAYMENT", "This order was not paid by manual payment; there is nothing to record as received.")
      if (summary.outstanding_amount === 0) throw new SnailError(409, "MANUAL_PAYMENT_ALREADY_RECEIVED", "The whole amount of this order was already recorded as received.")
      const amount = input.amount === undefined ? summary.outstanding_amount : receivedAmountMinor(input.amount, summary.currency_code)
      if (amount > summary.outstanding_amount) {
        throw new SnailError(
          422,
          "MANUAL_PAYMENT_EXCEEDS_AMOUNT",
          `Only ${toMajorString(summary.outstanding_amount, summary.currency_code)} ${summary.currency_code.toUpperCase()} of this order is still awaited.`,
          "amount"
        )
      }
      const receipt: ManualReceipt = {
        amount,
        currency_code: summary.currency_code,
        reference: input.reference ?? null,
        received_at: new Date().toISOString(),
        recorded_by: input.actor_id ?? null,
      }
      const payments = container.resolve(Modules.PAYMENT)
      const payment = await payments.retrievePayment(summary.payment_id, { select: ["id", "data"] })
      // UpdatePaymentDTO's type names only `id`; the module stores `data` all the same (docs/sandbox-psp.md).
      await payments.updatePayment({ id: payment.id, data: { ...(payment.data ?? {}), manual_receipts: [...summary.receipts, receipt] } } as any)
      return new StepResponse(receipt, { payment_id: payment.id, previous: payment.data ?? {} })
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.PAYMENT).updatePayment({ id: undo.payment_id, data: undo.previous } as any)
  }
)

/**
 * Records money received for an order's manual payment; course lines waiting for it are then
 * granted (their capture now has money behind it). Physical and service lines capture on their
 * own moves as usual.
 */
export const recordManualPaymentReceivedWorkflow = createWorkflow("record-manual-payment-received", (input: RecordInput) => {
  const receipt = recordManualReceiptStep(input)
  grantPaidCourseLinesWorkflow.runAsStep({ input: { order_id: input.order_id } })
  return new WorkflowResponse(receipt)
})

function receivedAmountMinor(amount: MajorAmount, currency: string): number {
  let minor: number
  try {
    minor = toMinor(amount, currency, "reject")
  } catch {
    throw new SnailError(400, "INVALID_FIELD", `The amount has more decimals than ${currency.toUpperCase()} allows.`, "amount")
  }
  if (minor <= 0) throw new SnailError(400, "INVALID_FIELD", "The amount must be positive.", "amount")
  return minor
}
