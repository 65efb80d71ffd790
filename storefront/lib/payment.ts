import type { MessageKey } from "./i18n"
import { requireSdk } from "./sdk"

/** The sandbox card processor's Medusa provider (docs/sandbox-psp.md). */
export const SANDBOX_PROVIDER_ID = "pp_sandbox_sandbox"
/** The sandbox's "always authorized" test card, prefilled at checkout. */
export const SANDBOX_SUCCESS_CARD = "4242 4242 4242 4242"

/** Why the last authorization failed, as the provider stored it on the payment session. */
export type PaymentFailure = { code?: string | null; decline_code?: string | null; status?: string | null; next_action_url?: string | null }

/**
 * Reads the cart's payment session after a failed completion: the sandbox provider keeps
 * `last_payment_error` ({ code, decline_code }) and `status` in the session's `data`.
 */
export async function readPaymentFailure(cartId: string): Promise<PaymentFailure | null> {
  const { cart } = await requireSdk().store.cart.retrieve(cartId, {
    fields: "id,*payment_collection,*payment_collection.payment_sessions",
  })
  const sessions = cart.payment_collection?.payment_sessions ?? []
  const session = sessions.find((s) => s.provider_id === SANDBOX_PROVIDER_ID) ?? sessions[0]
  if (!session) return null
  const data = (session.data ?? {}) as { last_payment_error?: { code?: string; decline_code?: string } | null; status?: string; next_action?: { url?: string } | null }
  const err = data.last_payment_error
  if (!err && session.status !== "requires_more" && data.status !== "requires_action") return null
  return { code: err?.code ?? null, decline_code: err?.decline_code ?? null, status: data.status ?? session.status ?? null, next_action_url: data.next_action?.url ?? null }
}

const KNOWN: Record<string, MessageKey> = {
  generic_decline: "payment.error.generic_decline",
  card_declined: "payment.error.generic_decline",
  insufficient_funds: "payment.error.insufficient_funds",
  expired_card: "payment.error.expired_card",
  invalid_number: "payment.error.invalid_number",
  processing_error: "payment.error.processing_error",
  authentication_failed: "payment.error.authentication_failed",
  requires_action: "payment.error.requires_action",
}

/** The translated message for a failed payment (most specific first), else a generic one. */
export function paymentErrorKey(failure: PaymentFailure | null, medusaErrorType?: string): MessageKey {
  for (const c of [failure?.decline_code, failure?.code, failure?.status]) {
    if (c && KNOWN[c]) return KNOWN[c]
  }
  if (failure?.status === "requires_more" || medusaErrorType === "payment_requires_more_error") return KNOWN.requires_action
  return "payment.error.generic"
}

/**
 * The card processor's challenge page (3-D Secure style, docs/sandbox-psp.md) for a payment that
 * needs the buyer's confirmation, returning to the checkout with the outcome in the URL.
 */
export function challengeUrl(failure: PaymentFailure | null, returnTo: string): string | null {
  const next = failure?.next_action_url
  if (!next || (failure?.status !== "requires_action" && failure?.status !== "requires_more")) return null
  const url = new URL(next)
  url.searchParams.set("return_url", returnTo)
  return url.href
}
