import { maskPayoutMethod } from "../../../lib/payout-method"

/**
 * The merchant as its staff see it on /merchant/me and the settings routes: the legal profile in
 * full (they fill it in and check it), the payout account only masked — every role reads /me, and
 * a full IBAN or Stripe account id is not needed to recognise one's own account.
 */
export function presentMerchant(m: any) {
  if (!m) return m
  const { inn_hash: _i, trn_hash: _t, payout_method, ...rest } = m
  return { ...rest, legal_address: m.legal_address ?? null, payout_method: maskPayoutMethod(payout_method) }
}
