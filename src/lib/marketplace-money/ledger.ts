import { allocate } from "../money"

/**
 * The escrow ledger (issue 5 §3): double entry, append-only. A journal is a set of postings in one
 * currency that sum to zero; balances are sums of postings, never stored. Sign convention: a
 * positive amount is owed to the account's holder (a credit), so merchant balances read naturally;
 * BUYER_CLEARING is the other side of what buyers paid in (negative = cash held at the PSP);
 * PLATFORM_PROMOTIONS is what platform-funded promotions cost the platform (negative: paid to merchants).
 */
export const LEDGER_ACCOUNTS = [
  "BUYER_CLEARING",
  "MERCHANT_ESCROW",
  "MERCHANT_AVAILABLE",
  "PLATFORM_REVENUE",
  "PLATFORM_SHIPPING",
  "PLATFORM_VAT_PAYABLE",
  "PLATFORM_PROMOTIONS",
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
  /** The platform-funded discount on the line (issue 17 §3): the platform pays it to the merchant. */
  platform_discount?: number
}

export type PlatformParts = { commission: number; vat: number; subsidy: number }

/** `total × part / whole`, rounded half up, exactly (BigInt); `whole` > 0. */
function share(total: number, part: number, whole: number) {
  const n = BigInt(total) * BigInt(part) * 2n + BigInt(whole)
  return Number(n / (2n * BigInt(whole)))
}

/**
 * The platform's parts of a cumulative amount of the line — captured or refunded so far: the
 * commission, the VAT on it, and the platform-funded discount it pays the merchant (subsidy).
 * Without a subsidy, by largest remainder over net : commission : VAT (they add up to the gross).
 * With one, the merchant is owed more than the buyer pays, so each part is its pro rata share of
 * the cumulative amount (half up); at the full gross each part is exactly the split's figure.
 */
export function platformParts(line: LedgerLine, cumulative: number): PlatformParts {
  const commissionTotal = Math.max(0, line.commission)
  const vatTotal = Math.max(0, line.commission_vat ?? 0)
  const subsidyTotal = Math.max(0, line.platform_discount ?? 0)
  if (cumulative === 0) return { commission: 0, vat: 0, subsidy: 0 }
  if (subsidyTotal === 0) {
    const weights = [Math.max(0, line.net), commissionTotal, vatTotal]
    if (weights.every((w) => w === 0)) return { commission: 0, vat: 0, subsidy: 0 }
    const [, commission, vat] = allocate(cumulative, weights)
    return { commission, vat, subsidy: 0 }
  }
  if (line.gross <= 0) return { commission: 0, vat: 0, subsidy: 0 }
  return {
    commission: share(commissionTotal, cumulative, line.gross),
    vat: share(vatTotal, cumulative, line.gross),
    subsidy: share(subsidyTotal, cumulative, line.gross),
  }
}

/** The commission part alone (VAT on commission included in neither). */
export function commissionPart(line: LedgerLine, cumulative: number) {
  return platformParts(line, cumulative).commission
}

/** What moves between two cumulative amounts (before → after). */
function partsDelta(line: LedgerLine, before: number, after: number): PlatformParts {
  const a = platformParts(line, after)
  const b = platformParts(line, before)
  return { commission: a.commission - b.commission, vat: a.vat - b.vat, subsidy: a.subsidy - b.subsidy }
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
  const { commission, vat, subsidy } = partsDelta(line, capturedBefore, capturedNow)
  return journal(
    { key: `capture:${line.order_line_id}:${capturedNow}`, kind: "capture", currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id },
    [
      { account: "BUYER_CLEARING", merchant_id: null, amount: -delta },
      { account: released ? "MERCHANT_AVAILABLE" : "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: delta - commission - vat + subsidy },
      { account: "PLATFORM_REVENUE", merchant_id: line.merchant_id, amount: commission },
      { account: "PLATFORM_VAT_PAYABLE", merchant_id: line.merchant_id, amount: vat },
      { account: "PLATFORM_PROMOTIONS", merchant_id: line.merchant_id, amount: -subsidy },
    ]
  )
}

/**
 * A refund reverses the merchant's share pro rata, the commission too unless the rule says the
 * merchant bears it all. A platform-funded discount is reversed pro rata like the sale (the platform
 * takes back its share of what the buyer no longer pays for). It comes out of escrow, or out of the
 * available balance once the line was released (which may then go negative: the next payout nets it off).
 */
export function refundJournal(line: LedgerLine, refundedBefore: number, refundedNow: number, released: boolean, disputeId?: string | null): Journal | null {
  const delta = refundedNow - refundedBefore
  if (delta <= 0) return null
  const parts = partsDelta(line, refundedBefore, refundedNow)
  const commission = line.refund_reverses_commission ? parts.commission : 0
  const vat = line.refund_reverses_commission ? parts.vat : 0
  const subsidy = parts.subsidy
  return journal(
    { key: `refund:${line.order_line_id}:${refundedNow}`, kind: "refund", currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id, dispute_id: disputeId ?? null },
    [
      { account: "BUYER_CLEARING", merchant_id: null, amount: delta },
      { account: released ? "MERCHANT_AVAILABLE" : "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: -(delta - commission - vat + subsidy) },
      { account: "PLATFORM_REVENUE", merchant_id: line.merchant_id, amount: -commission },
      { account: "PLATFORM_VAT_PAYABLE", merchant_id: line.merchant_id, amount: -vat },
      { account: "PLATFORM_PROMOTIONS", merchant_id: line.merchant_id, amount: subsidy },
    ]
  )
}

/**
 * A line the buyer gets free because the platform funds its whole price (gross 0: a platform-funded
 * discount of 100 %, or one that rounds a tiny line down to nothing) has no capture to carry the
 * platform's subsidy to the merchant, yet the merchant is owed its net all the same. It is booked
 * when the line passes the point where its capture would have happened — the platform's promotions
 * account pays the merchant's escrow, the commission and its VAT — and reversed like a full refund
 * if the line is called off afterwards (cancelled, refunded, returned). Keys `capture:<line>:free`
 * and `refund:<line>:free`, so each books once.
 */
export function freeLineJournal(line: LedgerLine, kind: "capture" | "refund", released: boolean): Journal | null {
  if (line.gross !== 0) return null
  const subsidy = Math.max(0, line.platform_discount ?? 0)
  const reverses = kind === "capture" || line.refund_reverses_commission
  const commission = reverses ? line.commission : 0
  const vat = reverses ? line.commission_vat ?? 0 : 0
  if (subsidy === 0 && commission === 0 && vat === 0) return null
  const sign = kind === "capture" ? 1 : -1
  return journal(
    { key: `${kind}:${line.order_line_id}:free`, kind, currency_code: line.currency_code, order_id: line.order_id, order_line_id: line.order_line_id },
    [
      { account: released ? "MERCHANT_AVAILABLE" : "MERCHANT_ESCROW", merchant_id: line.merchant_id, amount: sign * (subsidy - commission - vat) },
      { account: "PLATFORM_REVENUE", merchant_id: line.merchant_id, amount: sign * commission },
      { account: "PLATFORM_VAT_PAYABLE", merchant_id: line.merchant_id, amount: sign * vat },
      { account: "PLATFORM_PROMOTIONS", merchant_id: line.merchant_id, amount: -sign * subsidy },
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

/**
 * Shipping the buyer paid is the platform's (see splits.ts), booked as it is captured: `capturedNow`
 * is what the capture operations took for shipping. (It used to be "captured on the payments − Σ
 * lines' captured_amount": a line capture in flight — at the PSP, its line not yet written — counted
 * as shipping, so a 7.00 delivery booked 49.00 and BUYER_CLEARING carried that line twice.)
 */
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
  let freeCaptured = false
  let freeRefunded = false
  for (const e of entries) {
    if (e.journal_key.endsWith(":free")) {
      if (e.kind === "capture") freeCaptured = true
      if (e.kind === "refund") freeRefunded = true
    }
    if (e.account === "BUYER_CLEARING" && e.kind === "capture") captured -= e.amount
    if (e.account === "BUYER_CLEARING" && e.kind === "refund") refunded += e.amount
    if (e.account === "MERCHANT_ESCROW") escrow += e.amount
    if (e.kind === "release") released = true
  }
  return { captured, refunded, escrow, released, freeCaptured, freeRefunded }
}

/**
 * Where a line stands against its capture point, for a line the buyer gets free (see freeLineJournal):
 * `before` it (reserved, paid, slot reserved), `passed` it (fulfilling, confirmed, access granted and
 * everything after), or `called_off` (cancelled, refunded, returned).
 */
export type CapturePoint = "before" | "passed" | "called_off"

/**
 * The journals that bring the ledger in step with a line's payments (captured and refunded so far,
 * from the order-lines module) and, when `release` is set, move its escrow to available. Derived
 * from what is booked, so running it again books nothing.
 */
export function planLineJournals(
  line: LedgerLine,
  entries: readonly StoredEntry[],
  actual: { captured: number; refunded: number; capturePoint?: CapturePoint },
  options: { release?: boolean; disputeId?: string | null } = {}
): Journal[] {
  const booked = bookedForLine(entries)
  const out: Journal[] = []
  const capture = captureJournal(line, booked.captured, actual.captured, booked.released)
  if (capture) out.push(capture)
  const refund = refundJournal(line, booked.refunded, actual.refunded, booked.released, options.disputeId)
  if (refund) out.push(refund)
  const freeCapture = actual.capturePoint === "passed" && !booked.freeCaptured ? freeLineJournal(line, "capture", booked.released) : null
  if (freeCapture) out.push(freeCapture)
  const freeRefund = actual.capturePoint === "called_off" && booked.freeCaptured && !booked.freeRefunded ? freeLineJournal(line, "refund", booked.released) : null
  if (freeRefund) out.push(freeRefund)
  if (options.release && !booked.released) {
    const escrow = booked.escrow + [capture, refund, freeCapture, freeRefund].flatMap((j) => j?.entries ?? []).filter((e) => e.account === "MERCHANT_ESCROW").reduce((s, e) => s + e.amount, 0)
    const release = releaseJournal(line, escrow)
    if (release) out.push(release)
  }
  return out
}
