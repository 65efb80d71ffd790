import { toMajorString, toMinor } from "../money"

type LineMoney = { state: string; captured_amount: unknown; refunded_amount: unknown; currency_code: string; amount_minor: number }

const NEVER_CAPTURED = new Set(["CANCELLED", "NO_SHOW", "REFUNDED"])

/**
 * The order's payment status from its lines. Medusa's own aggregate counts a partly captured and
 * partly refunded collection as "refunded" (0.5 = 0.5 in aggregate-status.js), which is wrong for
 * per-line capture; this one looks at the money.
 */
export function orderPaymentSummary(lines: LineMoney[]) {
  if (!lines.length) return null
  const currency = lines[0].currency_code
  let captured = 0
  let refunded = 0
  let stillToCapture = 0
  for (const l of lines) {
    const c = toMinor((l.captured_amount as any) ?? 0, currency)
    captured += c
    refunded += toMinor((l.refunded_amount as any) ?? 0, currency)
    if (c === 0 && !NEVER_CAPTURED.has(l.state)) stillToCapture += l.amount_minor
  }
  const payment_status =
    refunded > 0 && refunded >= captured && stillToCapture === 0 ? "refunded"
    : refunded > 0 ? "partially_refunded"
    : captured > 0 && stillToCapture === 0 ? "captured"
    : captured > 0 ? "partially_captured"
    : "authorized"
  return {
    payment_status,
    currency_code: currency,
    captured: toMajorString(captured, currency),
    refunded: toMajorString(refunded, currency),
    to_capture: toMajorString(stillToCapture, currency),
  }
}
