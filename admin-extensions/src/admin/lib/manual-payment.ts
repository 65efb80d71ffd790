// Manual payment (issue 15): what staff recorded as received for an order paid by
// `pp_system_default`. Amounts from the API are integer minor units with a currency_code.
import { MoneyApiError, moneyFetch } from "./money"

export type ManualReceipt = { amount: number; currency_code: string; reference: string | null; received_at: string; recorded_by: string | null }
export type ManualPayment = {
  payment_id: string
  currency_code: string
  amount: number
  received_amount: number
  outstanding_amount: number
  captured_amount: number
  status: "awaiting" | "partially_received" | "received"
  receipts: ManualReceipt[]
}

export const manualPaymentKey = (orderId: string) => ["snail-manual-payment", orderId]

export const manualPaymentApi = {
  get: (orderId: string) => moneyFetch<{ manual_payment: ManualPayment | null }>(`/admin/orders/${orderId}/manual-payment`),
  /** `amount` in major units as typed by staff ("12.50"); empty: everything still awaited. */
  received: (orderId: string, body: { amount?: string; reference?: string }) =>
    moneyFetch<{ manual_payment: ManualPayment }>(`/admin/orders/${orderId}/manual-payment/received`, {
      method: "POST",
      body: { ...(body.amount ? { amount: body.amount } : {}), ...(body.reference ? { reference: body.reference } : {}) },
    }),
}

/** The API's sentence without its machine code: staff read words. */
export function wordsOf(e: unknown): string {
  if (e instanceof MoneyApiError) return e.message.replace(/\s*\([A-Z0-9_]+\)$/, "")
  return (e as Error)?.message ?? String(e)
}
