import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { toMajorString, toMinor } from "../../lib/money"
import { sumMinor } from "../../lib/payments"
import { SnailError } from "../../lib/snail-error"

/**
 * Manual payment (Medusa's `pp_system_default`): it "authorizes" without any money moving, so an
 * order paid that way must not capture or credit merchant escrow on trust. Staff record the money
 * as received (bank transfer, cash…) on the admin order page; only then may the line captures book
 * it, up to the amount received. The receipts live on the Medusa payment's `data`, beside the
 * payment they settle, and are appended, never edited (record-manual-payment.ts).
 *
 * No workflow imports here: the line capture step imports this guard, and the workflows import it.
 */
export const MANUAL_PAYMENT_PROVIDER_ID = "pp_system_default"

export type ManualReceipt = { amount: number; currency_code: string; reference: string | null; received_at: string; recorded_by: string | null }

export type ManualPaymentSummary = {
  payment_id: string
  currency_code: string
  /** All amounts in minor units. */
  amount: number
  received_amount: number
  outstanding_amount: number
  captured_amount: number
  status: "awaiting" | "partially_received" | "received"
  receipts: ManualReceipt[]
}

const PAYMENT_FIELDS = ["id", "provider_id", "amount", "currency_code", "data", "captures.amount", "canceled_at"]

export function receiptsOf(payment: any): ManualReceipt[] {
  const receipts = payment?.data?.manual_receipts
  return Array.isArray(receipts) ? receipts : []
}

function summarize(payment: any): ManualPaymentSummary {
  const currency = payment.currency_code
  const amount = toMinor(payment.amount, currency)
  const receipts = receiptsOf(payment)
  const received = receipts.reduce((s, r) => s + r.amount, 0)
  return {
    payment_id: payment.id,
    currency_code: currency,
    amount,
    received_amount: received,
    outstanding_amount: Math.max(0, amount - received),
    captured_amount: sumMinor(payment.captures, currency),
    status: received === 0 ? "awaiting" : received < amount ? "partially_received" : "received",
    receipts,
  }
}

/** The order's manual payment (null when it was paid otherwise). */
export async function manualPaymentOf(container: MedusaContainer, orderId: string): Promise<ManualPaymentSummary | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", ...PAYMENT_FIELDS.map((f) => `payment_collections.payments.${f}`)],
    filters: { id: orderId },
  })
  if (!order) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
  const payment = (order as any).payment_collections
    ?.flatMap((pc: any) => pc?.payments ?? [])
    .find((p: any) => p && p.provider_id === MANUAL_PAYMENT_PROVIDER_ID && !p.canceled_at)
  return payment ? summarize(payment) : null
}

/**
 * The line capture's guard: capturing `amountMinor` more on a manual payment needs that much
 * recorded as received and not yet captured. Other providers pass untouched.
 */
export async function assertManualPaymentReceived(container: MedusaContainer, paymentId: string, amountMinor: number) {
  const payment = await container.resolve(Modules.PAYMENT).retrievePayment(paymentId, { select: ["id", "provider_id", "amount", "currency_code", "data"], relations: ["captures"] })
  if (payment.provider_id !== MANUAL_PAYMENT_PROVIDER_ID) return
  const summary = summarize(payment)
  if (summary.captured_amount + amountMinor > summary.received_amount) {
    throw new SnailError(
      422,
      "MANUAL_PAYMENT_NOT_RECEIVED",
      summary.received_amount === 0
        ? "This order is paid by manual payment and the money has not been recorded as received yet, so nothing can be captured."
        : `Only ${toMajorString(summary.received_amount, summary.currency_code)} ${summary.currency_code.toUpperCase()} of this manual payment was recorded as received; that is not enough for this capture.`
    )
  }
}
