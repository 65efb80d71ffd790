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
  /** The change to the platform's commission (without the VAT on it). */
  platform_commission: number
  /** The change to the VAT the platform charges the merchant on its commission (UAE merchants, 5 %): its own figure wherever net is shown (issue 17 §5). */
  commission_vat: number
}

const NONE: MoneyEffect = { captured: 0, refunded: 0, released: 0, merchant_net: 0, platform_commission: 0, commission_vat: 0 }
const merchantPart = (entries: { account: string; amount: number }[]) =>
  entries.filter((e) => e.account === "MERCHANT_ESCROW" || e.account === "MERCHANT_AVAILABLE").reduce((s, e) => s + e.amount, 0)
const accountPart = (entries: { account: string; amount: number }[], account: string) =>
  entries.filter((e) => e.account === account).reduce((s, e) => s + e.amount, 0)
const platformParts = (entries: { account: string; amount: number }[]) =>
  ({ platform_commission: accountPart(entries, "PLATFORM_REVENUE"), commission_vat: accountPart(entries, "PLATFORM_VAT_PAYABLE") })

/** Capture of what the line has not captured yet (`amount`: the line's total, minor units). */
export function captureEffect(line: LedgerLine, amount: number, capturedBefore: number): MoneyEffect {
  const j = captureJournal(line, capturedBefore, Math.max(capturedBefore, amount), false)
  if (!j) return NONE
  return { ...NONE, captured: amount - capturedBefore, merchant_net: merchantPart(j.entries), ...platformParts(j.entries) }
}

/** A refund of `refundNow` on top of what was refunded; nothing captured means the hold is released. */
export function refundEffect(line: LedgerLine, amount: number, captured: number, refundedBefore: number, refundNow: number): MoneyEffect {
  if (captured === 0) return { ...NONE, released: amount }
  const j = refundJournal(line, refundedBefore, refundedBefore + refundNow, false)
  if (!j) return NONE
  return { ...NONE, refunded: refundNow, merchant_net: merchantPart(j.entries), ...platformParts(j.entries) }
}
