import { captureJournal, refundJournal, type LedgerLine } from "./ledger"

/**
 * What a line move would do to the money, before the merchant confirms it (issue 22 §4): computed
 * with the ledger's own journals, so the preview is the figure the ledger will book, to the minor unit.
 */
export type MoneyEffect = {
  /** Taken from the buyer's authorized payment now. */
  captured: number
  /** Paid back to the buyer now. */
  refunded: number
  /** Authorized but never taken: released back to the buyer's card. */
  released: number
  /** The change to the merchant's share (escrow or available), after commission. */
  merchant_net: number
  /** The change to the platform's commission (VAT on it included). */
  platform_commission: number
}

const NONE: MoneyEffect = { captured: 0, refunded: 0, released: 0, merchant_net: 0, platform_commission: 0 }
const merchantPart = (entries: { account: string; amount: number }[]) =>
  entries.filter((e) => e.account === "MERCHANT_ESCROW" || e.account === "MERCHANT_AVAILABLE").reduce((s, e) => s + e.amount, 0)
const platformPart = (entries: { account: string; amount: number }[]) =>
  entries.filter((e) => e.account === "PLATFORM_REVENUE" || e.account === "PLATFORM_VAT_PAYABLE").reduce((s, e) => s + e.amount, 0)

/** Capture of what the line has not captured yet (`amount`: the line's total, minor units). */
export function captureEffect(line: LedgerLine, amount: number, capturedBefore: number): MoneyEffect {
  const j = captureJournal(line, capturedBefore, Math.max(capturedBefore, amount), false)
  if (!j) return NONE
  return { ...NONE, captured: amount - capturedBefore, merchant_net: merchantPart(j.entries), platform_commission: platformPart(j.entries) }
}

/** A refund of `refundNow` on top of what was refunded; nothing captured means the hold is released. */
export function refundEffect(line: LedgerLine, amount: number, captured: number, refundedBefore: number, refundNow: number): MoneyEffect {
  if (captured === 0) return { ...NONE, released: amount }
  const j = refundJournal(line, refundedBefore, refundedBefore + refundNow, false)
  if (!j) return NONE
  return { ...NONE, refunded: refundNow, merchant_net: merchantPart(j.entries), platform_commission: platformPart(j.entries) }
}
