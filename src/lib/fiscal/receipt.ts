/**
 * Provider-neutral fiscal receipts (FFD 1.2) built from order lines. Pure and integer-only: every
 * amount is in kopecks; providers turn the document into their own wire format (ATOL Online v5,
 * OrangeData) in src/modules/fiscal/providers/*. Rules and worked examples: docs/fiscal.md.
 */
import { allocate } from "../money"
import { FiscalRuleError, lineVatRate, TaxRegime, vatAmount, VatRate, VatType, vatType } from "./vat"

export type FiscalOperation = "sell" | "sell_refund" | "sell_correction"
/** Why a receipt exists: money taken before delivery, the final settlement, a refund, a correction. */
export type Settlement = "prepayment" | "payment" | "refund" | "correction"
export type PaymentMethod = "full_prepayment" | "full_payment"
export type PaymentObject = "commodity" | "service"
/** "electronic" = card money now; "advance" = offset of a prepayment received earlier (FFD tag 1215). */
export type PaymentType = "electronic" | "advance"
export type LineKind = "PHYSICAL" | "SERVICE" | "COURSE"

export type Supplier = { inn: string; name: string; phones: string[] }

/**
 * The agent attribute of a position (FFD 1.2 tag 1222): what the platform is to the merchant under
 * their contract — commission agent (комиссионер), attorney (поверенный) or another agent (иной
 * агент). A merchant setting, with a platform default (docs/fiscal.md).
 */
export const AGENT_TYPES = ["commission_agent", "attorney", "another"] as const
export type AgentType = (typeof AGENT_TYPES)[number]

/** The platform default agent role (FISCAL_AGENT_TYPE_DEFAULT; commission agent unless set). */
export function defaultAgentType(): AgentType {
  const v = process.env.FISCAL_AGENT_TYPE_DEFAULT as AgentType | undefined
  return v && (AGENT_TYPES as readonly string[]).includes(v) ? v : "commission_agent"
}

/** One order line as the builder needs it. `amount_minor` is what the buyer pays for it (after discounts). */
export type FiscalLine = {
  line_id: string
  title: string
  kind: LineKind
  quantity: number
  amount_minor: number
  tax_regime: TaxRegime
  /** Product-level reduced rate from product metadata `fiscal_vat_rate` ("10" | "0"). */
  product_vat_rate?: unknown
  /** The merchant on whose behalf the platform sells (agent receipt); absent when the seller issues its own receipt. */
  supplier?: Supplier
  /** The platform's agent role for this supplier (default commission agent). */
  agent_type?: AgentType
  /**
   * On a receipt for money received (settlement "prepayment"): how this line is settled by it —
   * full prepayment for goods and bookings delivered later (the default), full payment for a
   * course delivered at once. Tag 1214 is per position, so both share one receipt.
   */
  payment_method?: PaymentMethod
}

export type ReceiptItem = {
  line_id: string
  name: string
  /** Kopecks per unit; price × quantity = sum exactly. */
  price: number
  quantity: number
  sum: number
  payment_method: PaymentMethod
  payment_object: PaymentObject
  vat: { type: VatType; sum: number }
  agent?: { type: AgentType; supplier: Supplier }
}

export type FiscalDocument = {
  operation: FiscalOperation
  settlement: Settlement
  client: { email?: string; phone?: string }
  items: ReceiptItem[]
  payments: { type: PaymentType; sum: number }[]
  vats: { type: VatType; sum: number }[]
  total: number
  /** Only on sell_correction: FFD tags 1173/1178/1179. */
  correction?: { type: "self" | "instruction"; base_date: string; base_number: string; reason: string }
}

export type BuildInput = {
  settlement: Exclude<Settlement, "correction">
  lines: FiscalLine[]
  client: { email?: string | null; phone?: string | null }
  /** When the settlement happens (the VAT rate follows it); for refunds, the date of the ORIGINAL sale. */
  rate_date: Date
  /** Refunds only: what the refunded line was settled as (prepayment receipt only, or fully settled). */
  refund_of?: PaymentMethod
}

/**
 * Splits a line's amount into positions whose price × quantity is exact: when `amount` does not
 * divide by `quantity`, `remainder` units cost one kopeck more (3 units for 299.00 → 2 × 99.67 + 1 × 99.66).
 */
export function splitPositions(amount: number, quantity: number): { price: number; quantity: number }[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new FiscalRuleError(`Line amount must be non-negative kopecks (got ${amount})`)
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new FiscalRuleError(`Line quantity must be a positive integer (got ${quantity})`)
  const base = Math.floor(amount / quantity)
  const remainder = amount - base * quantity
  if (remainder === 0) return [{ price: base, quantity }]
  return [{ price: base + 1, quantity: remainder }, { price: base, quantity: quantity - remainder }]
}

/** Spreads an order-level discount over lines by amount (largest remainder), so the parts add up exactly. */
export function applyOrderDiscount<T extends { amount_minor: number }>(lines: T[], discountMinor: number): T[] {
  if (!discountMinor) return lines
  const total = lines.reduce((s, l) => s + l.amount_minor, 0)
  if (discountMinor < 0 || discountMinor > total) throw new FiscalRuleError(`Discount ${discountMinor} outside 0..${total}`)
  const parts = allocate(discountMinor, lines.map((l) => l.amount_minor))
  return lines.map((l, i) => ({ ...l, amount_minor: l.amount_minor - parts[i] }))
}

/**
 * A `sell` (prepayment / payment) or `sell_refund` receipt for the given lines:
 * - prepayment (money received at checkout): full_prepayment at the computed rate (22/122 …) for
 *   lines delivered later, full_payment at the rate for lines delivered at once; paid electronically;
 * - payment: full_payment at the rate; paid by offsetting the advance when the line was prepaid
 *   (`advance_offset`), electronically otherwise (course with immediate access);
 * - refund: mirrors what is refunded at the rate of the original sale (`rate_date` = sale date),
 *   as the method it was settled with, money back electronically.
 */
export function buildReceipt(input: BuildInput & { advance_offset?: boolean }): FiscalDocument {
  if (!input.lines.length) throw new FiscalRuleError("A receipt needs at least one line")
  const client = contact(input.client)
  const receiptMethod: PaymentMethod =
    input.settlement === "prepayment" ? "full_prepayment" : input.settlement === "payment" ? "full_payment" : input.refund_of ?? "full_payment"
  const items: ReceiptItem[] = []
  for (const line of input.lines) {
    // A line settled in full by the money received (a course) keeps full_payment on that receipt; a
    // refund mirrors the line's own method when it had one.
    const method: PaymentMethod = input.settlement === "payment" ? receiptMethod : line.payment_method ?? receiptMethod
    const prepaymentRate = method === "full_prepayment"
    const rate: VatRate = lineVatRate({ tax_regime: line.tax_regime, product_rate: line.product_vat_rate, at: input.rate_date })
    const type = vatType(rate, prepaymentRate)
    for (const pos of splitPositions(line.amount_minor, line.quantity)) {
      if (pos.price === 0) continue
      const sum = pos.price * pos.quantity
      items.push({
        line_id: line.line_id,
        name: line.title.slice(0, 128),
        price: pos.price,
        quantity: pos.quantity,
        sum,
        payment_method: method,
        payment_object: line.kind === "PHYSICAL" ? "commodity" : "service",
        vat: { type, sum: vatAmount(sum, type) },
        ...(line.supplier ? { agent: { type: line.agent_type ?? "commission_agent", supplier: line.supplier } } : {}),
      })
    }
  }
  if (!items.length) throw new FiscalRuleError("Nothing to put on the receipt (all lines are free)")
  const total = items.reduce((s, i) => s + i.sum, 0)
  const operation: FiscalOperation = input.settlement === "refund" ? "sell_refund" : "sell"
  const paymentType: PaymentType = input.settlement === "payment" && input.advance_offset ? "advance" : "electronic"
  return { operation, settlement: input.settlement, client, items, payments: [{ type: paymentType, sum: total }], vats: vatTotals(items), total }
}

/**
 * A partial refund of one line: `amount_minor` of the line's sold amount, spread over its units
 * as evenly as exact arithmetic allows. A full refund mirrors the sale position for position.
 */
export function refundLine(line: FiscalLine, amountMinor: number): FiscalLine {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > line.amount_minor) {
    throw new FiscalRuleError(`Refund ${amountMinor} outside 1..${line.amount_minor}`)
  }
  if (amountMinor === line.amount_minor) return line
  // Whole units when the refund is exactly k units' worth; otherwise one position for the amount.
  const k = (amountMinor * line.quantity) / line.amount_minor
  if (Number.isInteger(k) && k > 0) return { ...line, quantity: k, amount_minor: amountMinor }
  return { ...line, quantity: 1, amount_minor: amountMinor }
}

/** A sell_correction with the same positions as `original`, for an admin-declared error. */
export function buildCorrection(original: FiscalDocument, correction: { reason: string; base_number: string; base_date: Date }): FiscalDocument {
  return {
    ...original,
    operation: "sell_correction",
    settlement: "correction",
    correction: { type: "self", base_date: isoDate(correction.base_date), base_number: correction.base_number, reason: correction.reason },
  }
}

export function vatTotals(items: ReceiptItem[]): { type: VatType; sum: number }[] {
  const byType = new Map<VatType, number>()
  for (const i of items) byType.set(i.vat.type, (byType.get(i.vat.type) ?? 0) + i.vat.sum)
  return [...byType.entries()].map(([type, sum]) => ({ type, sum }))
}

/** Checks the document's arithmetic; providers call it before sending. */
export function assertBalanced(doc: FiscalDocument): void {
  for (const i of doc.items) {
    if (i.price * i.quantity !== i.sum) throw new FiscalRuleError(`Position "${i.name}": ${i.price} × ${i.quantity} ≠ ${i.sum}`)
    if (i.agent && !/^\d{10}(\d{2})?$/.test(i.agent.supplier.inn)) {
      throw new FiscalRuleError(`Position "${i.name}": the supplier ${i.agent.supplier.name} has no valid INN (agent receipts need one)`)
    }
    if (vatAmount(i.sum, i.vat.type) !== i.vat.sum) throw new FiscalRuleError(`Position "${i.name}": VAT ${i.vat.sum} is not round(sum × r / (100 + r))`)
  }
  const items = doc.items.reduce((s, i) => s + i.sum, 0)
  const paid = doc.payments.reduce((s, p) => s + p.sum, 0)
  if (items !== doc.total || paid !== doc.total) throw new FiscalRuleError(`Total ${doc.total} ≠ positions ${items} / payments ${paid}`)
  if (!doc.client.email && !doc.client.phone) throw new FiscalRuleError("An online receipt needs the buyer's email or phone")
}

function contact(client: { email?: string | null; phone?: string | null }): { email?: string; phone?: string } {
  if (client.email) return { email: client.email }
  if (client.phone) return { phone: client.phone }
  throw new FiscalRuleError("An online receipt needs the buyer's email or phone")
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
