import { allocate } from "../money"

/**
 * The escrow ledger (issue 5 §3): double entry, append-only. A journal is a set of postings in one
 * currency that sum to zero; balances are sums of postings, never stored. Sign convention: a
 * positive amount is owed to the account's holder (a credit), so merchant balances read naturally;
 * BUYER_CLEARING is the other side of what buyers paid in (negative = cash held at the PSP).
 */
export const LEDGER_ACCOUNTS = [
  "BUYER_CLEARING",
  "MERCHANT_ESCROW",
  "MERCHANT_AVAILABLE",
  "PLATFORM_REVENUE",
  "PLATFORM_SHIPPING",
  "PLATFORM_VAT_PAYABLE",
  "PAYOUTS_IN_TRANSIT",
  "PAYOUTS_PAID",
] as const
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number]

export const JOURNAL_KINDS = ["capture", "refund", "release", "shipping_capture", "payout", "payout_paid", "payout_failed"] as const
export type JournalKind = (typeof JOURNAL_KINDS)[number]

export type Posting = { account: LedgerAccount; merchant_id: string | null; amount: number }

export type Journal = {
  /** Unique: posting the same journal twice is refused by the database, so redelivery books nothing twice. */
  key: string
  kind: JournalKind
  currency_code: string
  order_id?: string | null
  order_line_id?: string | null
  payout_id?: string | null
  dispute_id?: string | null
  entries: Posting[]
}

export class UnbalancedJournalError extends Error {}

export function assertBalanced(journal: Journal) {
  const sum = journal.entries.reduce((s, e) => s + e.amount, 0)
  if (sum !== 0 || journal.entries.some((e) => !Number.isSafeInteger(e.amount))) {
    throw new UnbalancedJournalError(`Journal ${journal.key} does not balance (sum ${sum})`)
  }
  return journal
}

/** The figures of one split line the ledger needs. */
export type LedgerLine = {
  order_line_id: string; order_id: string; merchant_id: string | null; currency_code: string
  gross: number; net: number; commission: number; commission_vat?: number; refund_reverses_commission: boolean
}

/**
 * The platform's parts (commission, VAT on it) of a cumulative amount of the line — captured or
 * refunded so far — by largest remainder over net : commission : VAT.
 */
export function platformParts(line: LedgerLine, cumulative: number): { commission: number; vat: number } {
  const weights = [Math.max(0, line.net), Math.max(0, line.commission), Math.max(0, line.commission_vat ?? 0)]
  if (cumulative === 0 || weights.every((w) => w === 0)) return { commission: 0, vat: 0 }
  const [, commission, vat] = allocate(cumulative, weights)
  return { commission, vat }
}

/** The commission part alone (VAT on commission included in neither). */
export function commissionPart(line: LedgerLine, cumulative: number) {
  return platformParts(line, cumulative).commission
}

function journal(j: Omit<Journal, "entries">, entries: Posting[]): Journal {
  return assertBalanced({ ...j, entries: entries.filter((e) => e.amount !== 0) })
}

/**
 * Capture brings the line's money in: the merchant's part into escrow (or straight to available if
 * the line was already released), the commission to platform revenue. Parts are computed on the
 * cumulative capture so many partial captures add up to exactly the split's figures.
 */
export function captureJournal(line: LedgerLine, capturedBefore: number, capturedNow: number, released: boolean): Journal | null {
  const delta = capturedNow - capturedBefore
  if (delta <= 0) return null
  const after = platformParts(line, capturedNow)
  const before = platformParts(line, capturedBefore)
  const commission = after.commission - before.commission
  const vat = after.vat - before.vat
  return journal(
    { key: `capture:${line.order_line_id}:${capturedNow}`, kind: "capture", currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id },
    [
      { account: "BUYER_CLEARING", merchant_id: null, amount: -delta },
      { account: released ? "MERCHANT_AVAILABLE" : "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: delta - commission - vat },
      { account: "PLATFORM_REVENUE", merchant_id: line.merchant_id, amount: commission },
      { account: "PLATFORM_VAT_PAYABLE", merchant_id: line.merchant_id, amount: vat },
    ]
  )
}

/**
 * A refund reverses the merchant's share pro rata, the commission too unless the rule says the
 * merchant bears it all. It comes out of escrow, or out of the available balance once the line was
 * released (which may then go negative: the next payout nets it off).
 */
export function refundJournal(line: LedgerLine, refundedBefore: number, refundedNow: number, released: boolean, disputeId?: string | null): Journal | null {
  const delta = refundedNow - refundedBefore
  if (delta <= 0) return null
  const after = line.refund_reverses_commission ? platformParts(line, refundedNow) : { commission: 0, vat: 0 }
  const before = line.refund_reverses_commission ? platformParts(line, refundedBefore) : { commission: 0, vat: 0 }
  const commission = after.commission - before.commission
  const vat = after.vat - before.vat
  return journal(
    { key: `refund:${line.order_line_id}:${refundedNow}`, kind: "refund", currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id, dispute_id: disputeId ?? null },
    [
      { account: "BUYER_CLEARING", merchant_id: null, amount: delta },
      { account: released ? "MERCHANT_AVAILABLE" : "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: -(delta - commission - vat) },
      { account: "PLATFORM_REVENUE", merchant_id: line.merchant_id, amount: -commission },
      { account: "PLATFORM_VAT_PAYABLE", merchant_id: line.merchant_id, amount: -vat },
    ]
  )
}

/** Moves what the line still holds in escrow to the merchant's available balance, once. */
export function releaseJournal(line: LedgerLine, escrowBalance: number): Journal | null {
  if (escrowBalance === 0) return null
  return journal(
    { key: `release:${line.order_line_id}`, kind: "release", currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id },
    [
      { account: "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: -escrowBalance },
      { account: "MERCHANT_AVAILABLE", merchant_id: line.merchant_id, amount: escrowBalance },
    ]
  )
}

/** Shipping the buyer paid is the platform's (see splits.ts), booked as it is captured. */
export function shippingJournal(orderId: string, currency: string, bookedBefore: number, capturedNow: number): Journal | null {
  const delta = capturedNow - bookedBefore
  if (delta <= 0) return null
  return journal(
    { key: `shipping:${orderId}:${capturedNow}`, kind: "shipping_capture", currency_code: currency, order_id: orderId },
    [
      { account: "BUYER_CLEARING", merchant_id: null, amount: -delta },
      { account: "PLATFORM_SHIPPING", merchant_id: null, amount: delta },
    ]
  )
}

export type PayoutLike = { id: string; merchant_id: string; currency_code: string; amount: number }

export function payoutJournal(p: PayoutLike): Journal {
  return journal({ key: `payout:${p.id}`, kind: "payout", currency_code: p.currency_code, payout_id: p.id }, [
    { account: "MERCHANT_AVAILABLE", merchant_id: p.merchant_id, amount: -p.amount },
    { account: "PAYOUTS_IN_TRANSIT", merchant_id: p.merchant_id, amount: p.amount },
  ])
}

export function payoutSettledJournal(p: PayoutLike, outcome: "PAID" | "FAILED"): Journal {
  const kind = outcome === "PAID" ? "payout_paid" : "payout_failed"
  return journal({ key: `${kind}:${p.id}`, kind, currency_code: p.currency_code, payout_id: p.id }, [
    { account: "PAYOUTS_IN_TRANSIT", merchant_id: p.merchant_id, amount: -p.amount },
    { account: outcome === "PAID" ? "PAYOUTS_PAID" : "MERCHANT_AVAILABLE", merchant_id: p.merchant_id, amount: p.amount },
  ])
}

/**
 * Which merchants get paid: their available balance less what open disputes freeze, when that is
 * at least the currency's minimum. A negative or small balance waits for the next batch.
 */
export function planPayouts(
  balances: readonly { merchant_id: string; currency_code: string; available: number; frozen: number }[],
  minimumFor: (currency: string) => number
) {
  return balances
    .map((b) => ({ merchant_id: b.merchant_id, currency_code: b.currency_code, amount: b.available - Math.max(0, b.frozen) }))
    .filter((p) => p.amount > 0 && p.amount >= minimumFor(p.currency_code))
}

/** A stored posting, as read back from the database. */
export type StoredEntry = Posting & { journal_key: string; kind: JournalKind; order_line_id?: string | null }

/** What the ledger already booked for one line, derived from its postings. */
export function bookedForLine(entries: readonly StoredEntry[]) {
  let captured = 0
  let refunded = 0
  let escrow = 0
  let released = false
  for (const e of entries) {
    if (e.account === "BUYER_CLEARING" && e.kind === "capture") captured -= e.amount
    if (e.account === "BUYER_CLEARING" && e.kind === "refund") refunded += e.amount
    if (e.account === "MERCHANT_ESCROW") escrow += e.amount
    if (e.kind === "release") released = true
  }
  return { captured, refunded, escrow, released }
}

/**
 * The journals that bring the ledger in step with a line's payments (captured and refunded so far,
 * from the order-lines module) and, when `release` is set, move its escrow to available. Derived
 * from what is booked, so running it again books nothing.
 */
export function planLineJournals(
  line: LedgerLine,
  entries: readonly StoredEntry[],
  actual: { captured: number; refunded: number },
  options: { release?: boolean; disputeId?: string | null } = {}
): Journal[] {
  const booked = bookedForLine(entries)
  const out: Journal[] = []
  const capture = captureJournal(line, booked.captured, actual.captured, booked.released)
  if (capture) out.push(capture)
  const refund = refundJournal(line, booked.refunded, actual.refunded, booked.released, options.disputeId)
  if (refund) out.push(refund)
  if (options.release && !booked.released) {
    const escrow = booked.escrow + [capture, refund].flatMap((j) => j?.entries ?? []).filter((e) => e.account === "MERCHANT_ESCROW").reduce((s, e) => s + e.amount, 0)
    const release = releaseJournal(line, escrow)
    if (release) out.push(release)
  }
  return out
}
