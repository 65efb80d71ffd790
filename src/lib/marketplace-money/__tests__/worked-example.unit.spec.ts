import { orderItemAmounts } from "../../order-items"
import { defaultRule } from "../commission"
import { type Journal, type LedgerLine, planLineJournals, planPayouts, payoutJournal, shippingJournal, type StoredEntry } from "../ledger"
import { computeSplits } from "../splits"

/**
 * Issue 5's worked example, every figure spelled out (EUR, minor units = cents).
 * Cart: Snail Goods 2 × 12.99 (goods), Desert Wellness 1 × 45.00 (service), Slow Academy 3 × 9.99
 * (course); promo code SNAIL10 takes 10 % off the order; shipping 4.90.
 */
describe("worked example: three merchants, a 10 % promo code, one partial refund", () => {
  const currency = "eur"
  // Medusa spreads the promotion over the items in fractions of a cent.
  const items = [
    { id: "item_goods", unit_price: "12.99", quantity: 2, adjustments: [{ amount: "2.598" }] },
    { id: "item_service", unit_price: "45", quantity: 1, adjustments: [{ amount: "4.5" }] },
    { id: "item_course", unit_price: "9.99", quantity: 3, adjustments: [{ amount: "2.997" }] },
  ]
  const rules = [
    { id: "rule_desert", merchant_id: "mer_desert", rate_bps: 1500 },
    { id: "rule_courses", product_kind: "COURSE", rate_bps: 2000, fixed_fee_minor: 50, fixed_fee_currency: "eur" },
  ]
  const amounts = orderItemAmounts(items, currency)
  const lines = [
    { order_line_id: "ol_goods", line_item_id: "item_goods", merchant_id: "mer_goods", kind: "PHYSICAL", category_ids: [], amounts: amounts.get("item_goods")! },
    { order_line_id: "ol_service", line_item_id: "item_service", merchant_id: "mer_desert", kind: "SERVICE", category_ids: [], amounts: amounts.get("item_service")! },
    { order_line_id: "ol_course", line_item_id: "item_course", merchant_id: "mer_academy", kind: "COURSE", category_ids: [], amounts: amounts.get("item_course")! },
  ]
  const splits = computeSplits({ currency_code: currency, lines, rules, at: new Date("2026-11-24T12:00:00Z"), fallback: defaultRule(1000) })

  it("allocates the 10.095 discount as 10.10 by largest remainder: 2.60 + 4.50 + 3.00", () => {
    // Exact shares of 1010 cents: 259.93, 450.22, 299.85 → floors 259, 450, 299 (1008); the two
    // largest remainders (.93, .85) take the 2 cents left.
    expect([...amounts.values()].map((a) => a.discount)).toEqual([260, 450, 300])
    expect([...amounts.values()].map((a) => a.total)).toEqual([2338, 4050, 2697])
  })

  it("splits per merchant: gross, commission by the most specific rule, net", () => {
    const figures = splits.map((s) => [s.merchant_id, s.gross, s.commission, s.net, s.lines[0].rule_id])
    expect(figures).toEqual([
      // 10 % default of 23.38 = 2.338 → 2.34
      ["mer_goods", 2338, 234, 2104, "platform_default"],
      // the merchant's own 15 % of 40.50 = 6.075 → 6.08
      ["mer_desert", 4050, 608, 3442, "rule_desert"],
      // courses 20 % of 26.97 = 5.394 → 5.39, plus the 0.50 fixed fee
      ["mer_academy", 2697, 589, 2108, "rule_courses"],
    ])
    expect(splits.reduce((s, x) => s + x.net + x.commission, 0)).toBe(9085)
  })

  it("books captures, a 20.00 refund on the service and the payouts to the cent", () => {
    const entries: (StoredEntry & { order_line_id?: string | null })[] = []
    const post = (j: Journal | null) => j && entries.push(...j.entries.map((e) => ({ ...e, journal_key: j.key, kind: j.kind, order_line_id: j.order_line_id })))
    const ledgerLine = (id: string): LedgerLine => {
      const l = splits.flatMap((s) => s.lines).find((x) => x.order_line_id === id)!
      return { ...l, order_id: "order_1", currency_code: currency }
    }
    const forLine = (id: string) => entries.filter((e) => e.order_line_id === id)
    const sync = (id: string, captured: number, refunded: number, release = false) =>
      planLineJournals(ledgerLine(id), forLine(id), { captured, refunded }, { release }).forEach(post)

    sync("ol_goods", 2338, 0)
    post(shippingJournal("order_1", currency, 0, 490))
    sync("ol_service", 4050, 0)
    sync("ol_course", 2697, 0)
    // Refund 20.00 of the service: 20.00 × 34.42/40.50 = 16.997… and 20.00 × 6.08/40.50 = 3.002…;
    // floors 16.99 + 3.00 leave one cent, which goes to the larger remainder (the merchant's .97).
    sync("ol_service", 4050, 2000)
    const byLine = (id: string, account: string) => forLine(id).filter((e) => e.account === account).reduce((s, e) => s + e.amount, 0)
    expect(byLine("ol_service", "MERCHANT_ESCROW")).toBe(3442 - 1700)
    expect(byLine("ol_service", "PLATFORM_REVENUE")).toBe(608 - 300)

    for (const id of ["ol_goods", "ol_service", "ol_course"]) sync(id, ledgerLine(id).gross, id === "ol_service" ? 2000 : 0, true)
    const balance = (account: string, merchant?: string) =>
      entries.filter((e) => e.account === account && (merchant === undefined || e.merchant_id === merchant)).reduce((s, e) => s + e.amount, 0)
    expect(["mer_goods", "mer_desert", "mer_academy"].map((m) => balance("MERCHANT_AVAILABLE", m))).toEqual([2104, 1742, 2108])
    expect(balance("PLATFORM_REVENUE")).toBe(234 + 308 + 589)
    expect(balance("PLATFORM_SHIPPING")).toBe(490)
    // Captured 95.75 − refunded 20.00 = 75.75 = merchants 59.54 + commission 11.31 + shipping 4.90.
    expect(-balance("BUYER_CLEARING")).toBe(9575 - 2000)
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0)

    const payouts = planPayouts(["mer_goods", "mer_desert", "mer_academy"].map((m) => ({ merchant_id: m, currency_code: currency, available: balance("MERCHANT_AVAILABLE", m), frozen: 0 })), () => 1000)
    expect(payouts.map((p) => p.amount)).toEqual([2104, 1742, 2108])
    payouts.forEach((p, i) => post(payoutJournal({ id: `po_${i}`, ...p })))
    expect(balance("MERCHANT_AVAILABLE")).toBe(0)
    expect(balance("PAYOUTS_IN_TRANSIT")).toBe(5954)
  })
})

/**
 * Issue 17 §3: the same cart and 20.00 refund, the promotion funded by the platform. The buyer pays
 * exactly the same (90.85 + 4.90); the merchants are split as if there were no discount, and the
 * platform pays the 10.10 out of its commission.
 */
describe("worked example with a platform-funded promotion", () => {
  const currency = "eur"
  const items = [
    { id: "item_goods", unit_price: "12.99", quantity: 2, adjustments: [{ promotion_id: "promo_snail10", amount: "2.598" }] },
    { id: "item_service", unit_price: "45", quantity: 1, adjustments: [{ promotion_id: "promo_snail10", amount: "4.5" }] },
    { id: "item_course", unit_price: "9.99", quantity: 3, adjustments: [{ promotion_id: "promo_snail10", amount: "2.997" }] },
  ]
  const rules = [
    { id: "rule_desert", merchant_id: "mer_desert", rate_bps: 1500 },
    { id: "rule_courses", product_kind: "COURSE", rate_bps: 2000, fixed_fee_minor: 50, fixed_fee_currency: "eur" },
  ]
  const amounts = orderItemAmounts(items, currency, (id) => id === "promo_snail10")
  const merchantOf: Record<string, string> = { item_goods: "mer_goods", item_service: "mer_desert", item_course: "mer_academy" }
  const kindOf: Record<string, string> = { item_goods: "PHYSICAL", item_service: "SERVICE", item_course: "COURSE" }
  const splits = computeSplits({
    currency_code: currency,
    lines: items.map((i) => ({ order_line_id: `ol_${i.id}`, line_item_id: i.id, merchant_id: merchantOf[i.id], kind: kindOf[i.id], category_ids: [], amounts: amounts.get(i.id)! })),
    rules, at: new Date("2026-11-24T12:00:00Z"), fallback: defaultRule(1000),
  })

  it("charges the buyer the same and gives the merchants their undiscounted split", () => {
    // Same 10.10 discount (2.60 / 4.50 / 3.00), all of it the platform's.
    expect([...amounts.values()].map((a) => [a.discount, a.platform_discount, a.total])).toEqual([[260, 260, 2338], [450, 450, 4050], [300, 300, 2697]])
    // Commission on the undiscounted 25.98 / 45.00 / 29.97: 10 % = 2.598 → 2.60; 15 % = 6.75;
    // 20 % = 5.994 → 5.99 + 0.50 = 6.49. Net = subtotal − commission: 23.38 / 38.25 / 23.48.
    expect(splits.map((s) => [s.merchant_id, s.gross, s.platform_discount, s.commission, s.net])).toEqual([
      ["mer_goods", 2338, 260, 260, 2338],
      ["mer_desert", 4050, 450, 675, 3825],
      ["mer_academy", 2697, 300, 649, 2348],
    ])
    // 90.85 paid = 85.11 to merchants + 15.84 commission − 10.10 the platform funds.
    expect(splits.reduce((s, x) => s + x.net + x.commission - x.platform_discount, 0)).toBe(9085)
  })

  it("books captures, the 20.00 refund and releases to the cent, the platform carrying the discount", () => {
    const entries: StoredEntry[] = []
    const post = (j: Journal | null) => j && entries.push(...j.entries.map((e) => ({ ...e, journal_key: j.key, kind: j.kind, order_line_id: j.order_line_id })))
    const ledgerLine = (id: string): LedgerLine => ({ ...splits.flatMap((s) => s.lines).find((x) => x.order_line_id === id)!, order_id: "order_1", currency_code: currency })
    const forLine = (id: string) => entries.filter((e) => e.order_line_id === id)
    const sync = (id: string, captured: number, refunded: number, release = false) =>
      planLineJournals(ledgerLine(id), forLine(id), { captured, refunded }, { release }).forEach(post)
    const balance = (account: string, merchant?: string) =>
      entries.filter((e) => e.account === account && (merchant === undefined || e.merchant_id === merchant)).reduce((s, e) => s + e.amount, 0)

    for (const id of ["ol_item_goods", "ol_item_service", "ol_item_course"]) sync(id, ledgerLine(id).gross, 0)
    post(shippingJournal("order_1", currency, 0, 490))
    expect(balance("MERCHANT_ESCROW", "mer_desert")).toBe(3825)
    expect(balance("PLATFORM_PROMOTIONS")).toBe(-1010)

    // Refund 20.00 of the service (gross 40.50): pro rata, half up — commission back
    // 6.75 × 20/40.50 = 3.333 → 3.33, the platform takes back 4.50 × 20/40.50 = 2.222 → 2.22 of its
    // discount, the merchant gives back 20.00 − 3.33 + 2.22 = 18.89.
    sync("ol_item_service", 4050, 2000)
    expect(balance("MERCHANT_ESCROW", "mer_desert")).toBe(3825 - 1889)
    expect(balance("PLATFORM_REVENUE", "mer_desert")).toBe(675 - 333)
    expect(balance("PLATFORM_PROMOTIONS", "mer_desert")).toBe(-(450 - 222))

    for (const id of ["ol_item_goods", "ol_item_service", "ol_item_course"]) sync(id, ledgerLine(id).gross, id === "ol_item_service" ? 2000 : 0, true)
    expect(["mer_goods", "mer_desert", "mer_academy"].map((m) => balance("MERCHANT_AVAILABLE", m))).toEqual([2338, 1936, 2348])
    // Conservation: captured 95.75 − refunded 20.00 = 75.75 = merchants 66.22 + commission 14.82
    // − promotions 7.88 + shipping 4.90.
    expect(balance("PLATFORM_REVENUE")).toBe(260 + 342 + 649)
    expect(balance("PLATFORM_PROMOTIONS")).toBe(-(260 + 228 + 300))
    expect(-balance("BUYER_CLEARING")).toBe(9575 - 2000)
    expect(2338 + 1936 + 2348 + (260 + 342 + 649) - (260 + 228 + 300) + 490).toBe(9575 - 2000)
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0)
  })
})
