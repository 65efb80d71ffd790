/**
 * How money leaves the platform to a merchant (issue 5 §5). A provider gets one payout at a time;
 * `reference` is our payout id and must be used as the provider's idempotency key, so a retried
 * send never pays twice. PENDING means the provider accepted it and will confirm later (or an
 * operator will, for bank transfers).
 */
export type PayoutRequest = {
  reference: string
  merchant: { id: string; legal_name: string; payout_method: Record<string, any> | null }
  amount_minor: number
  currency_code: string
}

export type PayoutResult = { status: "PENDING" | "PAID" | "FAILED"; provider_reference?: string | null; failure_reason?: string | null }

export interface PayoutProvider {
  readonly id: string
  /** Whether this provider can pay the merchant (e.g. it has a connected account). */
  canPay(merchant: PayoutRequest["merchant"]): boolean
  send(request: PayoutRequest): Promise<PayoutResult>
}
