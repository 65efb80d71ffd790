/**
 * Failure on demand. Test card numbers decide what an authorization does; amounts decide whether a
 * capture or refund fails. The same table is documented in docs/sandbox-psp.md.
 */

export type CardOutcome =
  | { kind: "authorize" }
  | { kind: "requires_action" }
  | { kind: "decline"; decline_code: string; message: string }
  | { kind: "processing_error" }

export const TEST_CARDS: Record<string, CardOutcome> = {
  "4242424242424242": { kind: "authorize" },
  "4000000000000002": { kind: "decline", decline_code: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { kind: "decline", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000000069": { kind: "decline", decline_code: "expired_card", message: "Your card has expired." },
  "4000000000003220": { kind: "requires_action" },
  "4000000000000119": { kind: "processing_error" },
}

export const DEFAULT_TEST_CARD = "4242424242424242"

/** Any other number that passes the Luhn check authorizes; one that fails it is refused as invalid. */
export function cardOutcome(cardNumber: string): CardOutcome | { kind: "invalid_number" } {
  const digits = cardNumber.replace(/[\s-]/g, "")
  if (TEST_CARDS[digits]) return TEST_CARDS[digits]
  return /^\d{12,19}$/.test(digits) && luhnValid(digits) ? { kind: "authorize" } : { kind: "invalid_number" }
}

/** A capture of an amount whose last two minor-unit digits are 13 fails (e.g. 10.13, 2 013). */
export function captureFailsFor(amount: number): boolean {
  return amount % 100 === 13
}

/** A refund of an amount whose last two minor-unit digits are 14 fails. */
export function refundFailsFor(amount: number): boolean {
  return amount % 100 === 14
}

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}
