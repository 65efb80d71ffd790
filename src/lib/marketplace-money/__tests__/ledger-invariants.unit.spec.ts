import fc from "fast-check"
import { percentOf, toMajorString } from "../../money"
import { orderItemAmounts } from "../../order-items"
import { defaultRule } from "../commission"
import { type CapturePoint, type Journal, type LedgerLine, planLineJournals, planPayouts, payoutJournal, payoutSettledJournal, type StoredEntry } from "../ledger"
import { computeSplits, type SplitLineFigures } from "../splits"

/**
 * Property test (issue 5): random orders in currencies with 0, 2 and 3 decimals, random promotion
 * percentages, commission rules, captures, partial refunds, disputes, releases and payout batches.
 * After every step: postings sum to zero; what buyers paid in net of refunds equals Σ merchant
 * balances + commission + VAT on commission, nothing else; captured = Σ net + Σ commission for fully captured,
 * unrefunded lines; nobody is paid for a line in hold or dispute; a batch run twice pays once.
 */
const MERCHANTS = ["mer_a", "mer_b", "mer_c", "mer_d"]

const orderArb = fc.record({
  currency: fc.constantFrom("jpy", "eur", "kwd"),
  promoPercent: fc.integer({ min: 0, max: 50 }),
  // Issue 17 §3: the promotion is the platform's cost, or the merchants'.
  platformFunded: fc.boolean(),
  items: fc.array(
    fc.record({ merchant: fc.constantFrom(...MERCHANTS), kind: fc.constantFrom("PHYSICAL", "SERVICE", "COURSE"), unit: fc.integer({ min: 1, max: 500_000 }), qty: fc.integer({ min: 1, max: 5 }) }),
    { minLength: 1, maxLength: 6 }
  ),
  rules: fc.array(
    fc.record({
      merchant: fc.option(fc.constantFrom(...MERCHANTS), { nil: null }),
      kind: fc.option(fc.constantFrom("PHYSICAL", "SERVICE", "COURSE"), { nil: null }),
      rate: fc.integer({ min: 0, max: 10_000 }),
      fee: fc.integer({ min: 0, max: 300 }),
      reverses: fc.boolean(),
    }),
    { maxLength: 4 }
  ),
  steps: fc.array(
    fc.record({
      op: fc.constantFrom("capture", "refund", "dispute", "resolve", "deliver", "release", "batch", "settle"),
      line: fc.nat(),
      permille: fc.integer({ min: 1, max: 1000 }),
      ok: fc.boolean(),
    }),
    { maxLength: 25 }
  ),
})

describe("escrow ledger invariants (property)", () => {
  it("hold for random orders, refunds, disputes and payouts", () => {
    fc.assert(
      fc.property(orderArb, (o) => {
        // Medusa-like fractional adjustments: percent of the line subtotal, in major units with extra digits.
        const items = o.items.map((it, i) => ({
          id: `item_${i}`,
          unit_price: toMajorString(it.unit, o.currency),
          quantity: it.qty,
          adjustments: o.promoPercent ? [{ promotion_id: "promo_1", amount: `${BigInt(it.unit * it.qty) * BigInt(o.promoPercent)}e-${2 + (o.currency === "jpy" ? 0 : o.currency === "kwd" ? 3 : 2)}` }] : [],
        }))
        const amounts = orderItemAmounts(items, o.currency, (id) => id === "promo_1" && o.platformFunded)
        const rules = o.rules.map((r, i) => ({ id: `rule_${i}`, merchant_id: r.merchant, product_kind: r.kind, rate_bps: r.rate, fixed_fee_minor: r.fee, fixed_fee_currency: o.currency, refund_reverses_commission: r.reverses }))
        const splits = computeSplits({
          currency_code: o.currency,
          lines: o.items.map((it, i) => ({ order_line_id: `ol_${i}`, line_item_id: `item_${i}`, merchant_id: it.merchant, kind: it.kind, category_ids: [], amounts: amounts.get(`item_${i}`)! })),
          rules, at: new Date(), fallback: defaultRule(1000),
          // mer_a is a UAE merchant: 5 % VAT on its commission.
          commissionVat: (m, c) => (m === "mer_a" ? percentOf(c, 500) : 0),
        })
        const lines: (SplitLineFigures & LedgerLine)[] = splits.flatMap((s) => s.lines.map((l) => ({ ...l, order_id: "order", currency_code: o.currency })))
        // Each split adds up: net + commission + its VAT = gross + what the platform funds.
        for (const s of splits) expect(s.net + s.commission + s.commission_vat).toBe(s.gross + s.platform_discount)
        if (!o.platformFunded) for (const s of splits) expect(s.platform_discount).toBe(0)

        const entries: StoredEntry[] = []
        const keys = new Set<string>()
        const post = (j: Journal) => {
          if (keys.has(j.key)) return false // the database's unique key
          keys.add(j.key)
          entries.push(...j.entries.map((e) => ({ ...e, journal_key: j.key, kind: j.kind, order_line_id: j.order_line_id })))
          return true
        }
        // `point`: where the line stands against its capture point (a line the buyer gets free has no capture).
        const state = lines.map(() => ({ captured: 0, refunded: 0, point: "before" as CapturePoint, delivered: false, dispute: false, holdPassed: false, released: false }))
        const payouts: { id: string; merchant_id: string; currency_code: string; amount: number; status: string }[] = []
        const batches = new Map<number, number>()
        let batchNo = 0
        const sum = (f: (e: StoredEntry) => boolean) => entries.filter(f).reduce((s, e) => s + e.amount, 0)
        const sync = (i: number, release = false) => {
          const js = planLineJournals(lines[i], entries.filter((e) => e.order_line_id === lines[i].order_line_id), { captured: state[i].captured, refunded: state[i].refunded, capturePoint: state[i].point }, { release })
          js.forEach(post)
          if (js.some((j) => j.kind === "release")) state[i].released = true
        }

        for (const step of o.steps) {
          const i = step.line % lines.length
          const line = lines[i]
          const s = state[i]
          if (step.op === "capture" && s.point === "before") { s.captured = line.gross; s.point = "passed"; sync(i) }
          if (step.op === "refund" && s.captured > s.refunded) {
            s.refunded += Math.max(1, Math.floor(((s.captured - s.refunded) * step.permille) / 1000))
            if (s.refunded === s.captured) s.point = "called_off"
            sync(i)
          } else if (step.op === "refund" && line.gross === 0 && s.point === "passed") {
            s.point = "called_off" // a free line is called off: nothing to refund, the subsidy goes back
            sync(i)
          }
          if (step.op === "dispute") s.dispute = true
          if (step.op === "resolve") s.dispute = false
          if (step.op === "deliver") { s.delivered = true; if (step.ok) s.holdPassed = true }
          if (step.op === "release") {
            state.forEach((x, k) => { if (x.delivered && x.holdPassed && !x.dispute && x.captured > 0) sync(k, true) })
          }
          if (step.op === "batch") {
            const run = step.ok && batchNo > 0 ? batchNo : ++batchNo // sometimes re-run the last batch
            if (batches.has(run)) continue // a batch key runs once
            const frozen = (m: string) => lines.reduce((t, l, k) => t + (l.merchant_id === m && state[k].dispute && state[k].released ? Math.max(0, sum((e) => e.order_line_id === l.order_line_id && e.account === "MERCHANT_AVAILABLE")) : 0), 0)
            const plan = planPayouts(MERCHANTS.map((m) => ({ merchant_id: m, currency_code: o.currency, available: sum((e) => e.account === "MERCHANT_AVAILABLE" && e.merchant_id === m), frozen: frozen(m) })), () => 1)
            for (const p of plan) {
              // Never pays for money still in hold or in dispute: only released, undisputed funds.
              // Never pays for money still in hold or in dispute: what is out plus this payout stays
              // within the available funds of released lines that have no open dispute.
              const releasedFree = lines.reduce((t, l, k) => t + (l.merchant_id === p.merchant_id && state[k].released && !state[k].dispute ? sum((e) => e.order_line_id === l.order_line_id && e.account === "MERCHANT_AVAILABLE") : 0), 0)
              const out = sum((e) => e.merchant_id === p.merchant_id && (e.account === "PAYOUTS_IN_TRANSIT" || e.account === "PAYOUTS_PAID"))
              expect(p.amount + out).toBeLessThanOrEqual(releasedFree)
              const payout = { id: `po_${run}_${p.merchant_id}`, ...p, status: "PENDING" }
              if (post(payoutJournal(payout))) payouts.push(payout)
            }
            batches.set(run, plan.length)
          }
          if (step.op === "settle") {
            const p = payouts.find((x) => x.status === "PENDING")
            if (p) { p.status = step.ok ? "PAID" : "FAILED"; post(payoutSettledJournal(p, step.ok ? "PAID" : "FAILED")) }
          }

          // Invariants after every step.
          expect(entries.reduce((t, e) => t + e.amount, 0)).toBe(0)
          const paidIn = state.reduce((t, x) => t + x.captured - x.refunded, 0)
          expect(paidIn + sum((e) => e.account === "BUYER_CLEARING")).toBe(0)
          const merchantsHold = sum((e) => e.account.startsWith("MERCHANT_") || e.account.startsWith("PAYOUTS_"))
          const platformKeeps = sum((e) => e.account === "PLATFORM_REVENUE" || e.account === "PLATFORM_VAT_PAYABLE" || e.account === "PLATFORM_PROMOTIONS")
          expect(merchantsHold + platformKeeps - paidIn).toBe(0)
          lines.forEach((l, k) => {
            if (state[k].point === "passed" && state[k].captured === l.gross && state[k].refunded === 0) {
              const merchantPart = sum((e) => e.order_line_id === l.order_line_id && e.account.startsWith("MERCHANT_"))
              expect(merchantPart).toBe(l.net)
              expect(sum((e) => e.order_line_id === l.order_line_id && e.account === "PLATFORM_REVENUE")).toBe(l.commission)
              expect(sum((e) => e.order_line_id === l.order_line_id && e.account === "PLATFORM_VAT_PAYABLE")).toBe(l.commission_vat)
              expect(sum((e) => e.order_line_id === l.order_line_id && e.account === "PLATFORM_PROMOTIONS") + l.platform_discount).toBe(0)
            }
            // A line the buyer got free and that was called off leaves the merchant nothing (or owing the
            // commission its rule does not give back), like a fully refunded line.
            if (l.gross === 0 && state[k].point === "called_off") {
              const kept = sum((e) => e.order_line_id === l.order_line_id && e.account.startsWith("MERCHANT_"))
              expect(kept).toBe(l.refund_reverses_commission ? 0 : -(l.commission + l.commission_vat))
            }
            // Never released while in dispute or before its hold passed.
            if (!state[k].holdPassed) expect(state[k].released).toBe(false)
          })
          // Payouts never exceed what was paid in, and each payout id is booked once.
          expect(new Set(payouts.map((p) => p.id)).size).toBe(payouts.length)
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) } // FC_RUNS=20000 to search harder
    )
  })
})

describe("a line the buyer gets free (platform-funded 100 % promotion)", () => {
  // AED 100.00 at 10 % commission with 5 % VAT on it; the platform funds the whole price.
  const line: LedgerLine & SplitLineFigures = {
    order_line_id: "ol_free", line_item_id: "item_free", order_id: "order", merchant_id: "mer_a", currency_code: "aed", kind: "PHYSICAL",
    subtotal: 10_000, discount: 10_000, tax: 0, gross: 0, platform_discount: 10_000, commission: 1_000, commission_vat: 50, net: 8_950,
    rule_id: "platform_default", rate_bps: 1000, fixed_fee_minor: 0, refund_reverses_commission: true,
  }
  const book = (entries: StoredEntry[], capturePoint: CapturePoint, release = false) => {
    for (const j of planLineJournals(line, entries, { captured: 0, refunded: 0, capturePoint }, { release })) {
      entries.push(...j.entries.map((e) => ({ ...e, journal_key: j.key, kind: j.kind, order_line_id: j.order_line_id })))
    }
    return entries
  }
  const balance = (entries: StoredEntry[], account: string) => entries.filter((e) => e.account === account).reduce((t, e) => t + e.amount, 0)

  it("pays the merchant its net once the line passes its capture point, and only then", () => {
    const entries = book([], "before")
    expect(entries).toHaveLength(0)
    book(entries, "passed")
    book(entries, "passed") // a second sync books nothing more
    expect(balance(entries, "MERCHANT_ESCROW")).toBe(8_950)
    expect(balance(entries, "PLATFORM_REVENUE")).toBe(1_000)
    expect(balance(entries, "PLATFORM_VAT_PAYABLE")).toBe(50)
    expect(balance(entries, "PLATFORM_PROMOTIONS")).toBe(-10_000)
    book(entries, "passed", true)
    expect(balance(entries, "MERCHANT_ESCROW")).toBe(0)
    expect(balance(entries, "MERCHANT_AVAILABLE")).toBe(8_950)
  })

  it("gives the subsidy back when the line is called off after its capture point", () => {
    const entries = book(book([], "passed"), "called_off")
    book(entries, "called_off")
    for (const account of ["MERCHANT_ESCROW", "PLATFORM_REVENUE", "PLATFORM_VAT_PAYABLE", "PLATFORM_PROMOTIONS"]) expect(balance(entries, account)).toBe(0)
    expect(book([], "called_off")).toHaveLength(0) // called off before its capture point: nothing was booked
  })
})
