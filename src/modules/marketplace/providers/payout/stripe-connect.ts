import type { PayoutProvider, PayoutRequest, PayoutResult } from "./types"

export type StripeConnectOptions = { apiKey: string; apiBase?: string; timeoutMs?: number }

/**
 * Stripe Connect transfers (POST /v1/transfers to the merchant's connected account
 * `payout_method.stripe_account_id`), used when STRIPE_API_KEY is set. The payout id is the
 * Idempotency-Key, so a retried send returns the first transfer. A created transfer is PAID (the
 * money is in the connected account's balance); Stripe's own payout to the bank is theirs.
 */
/**
 * The connected account: `stripe_account_id`; merchants who applied before the application form used
 * that name have it stored (sealed) as `account_id`, which is read here rather than migrated.
 */
function connectedAccount(merchant: PayoutRequest["merchant"]): string | undefined {
  const m = (merchant.payout_method ?? {}) as Record<string, unknown>
  const id = m.stripe_account_id ?? m.account_id
  return typeof id === "string" && id ? id : undefined
}

export class StripeConnectPayoutProvider implements PayoutProvider {
  readonly id = "stripe_connect"
  constructor(private readonly options: StripeConnectOptions) {}

  canPay(merchant: PayoutRequest["merchant"]) {
    return connectedAccount(merchant) !== undefined
  }

  async send(request: PayoutRequest): Promise<PayoutResult> {
    const body = new URLSearchParams({
      amount: String(request.amount_minor),
      currency: request.currency_code.toLowerCase(),
      destination: connectedAccount(request.merchant)!,
      transfer_group: request.reference,
      "metadata[payout_id]": request.reference,
    })
    let res: Response
    try {
      res = await fetch(`${this.options.apiBase ?? "https://api.stripe.com"}/v1/transfers`, {
        method: "POST",
        headers: { authorization: `Bearer ${this.options.apiKey}`, "content-type": "application/x-www-form-urlencoded", "idempotency-key": request.reference },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
      })
    } catch (e: any) {
      // Unknown outcome: stay PENDING; the same idempotency key makes the retry safe.
      return { status: "PENDING", failure_reason: `transfer request failed: ${e?.message ?? e}` }
    }
    const json: any = await res.json().catch(() => ({}))
    if (res.ok && json?.id) return { status: "PAID", provider_reference: json.id }
    if (res.status >= 500 || res.status === 429) return { status: "PENDING", failure_reason: `Stripe ${res.status}: ${json?.error?.message ?? "retry later"}` }
    return { status: "FAILED", failure_reason: `Stripe ${res.status}: ${json?.error?.message ?? "transfer refused"}` }
  }
}
