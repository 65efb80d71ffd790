import { ManualBankTransferProvider } from "./manual-bank-transfer"
import { StripeConnectPayoutProvider } from "./stripe-connect"
import type { PayoutProvider, PayoutRequest } from "./types"

export type { PayoutProvider, PayoutRequest, PayoutResult } from "./types"

/** Stripe Connect for merchants with a connected account when Stripe is configured; bank transfer otherwise. */
export function payoutProviders(env: Record<string, string | undefined> = process.env): PayoutProvider[] {
  const providers: PayoutProvider[] = []
  if (env.STRIPE_API_KEY) providers.push(new StripeConnectPayoutProvider({ apiKey: env.STRIPE_API_KEY, apiBase: env.STRIPE_API_BASE || undefined }))
  providers.push(new ManualBankTransferProvider())
  return providers
}

export function providerFor(merchant: PayoutRequest["merchant"], providers = payoutProviders()): PayoutProvider {
  return providers.find((p) => p.canPay(merchant))!
}
