/**
 * Which receipts an event calls for (pure): the outbox subscribers gather the order, its lines
 * and the receipts already recorded, and this decides what to add. Rules (docs/fiscal.md):
 * - order placed = the payment received: ONE receipt per issuer covering every line it pays for —
 *   physical and service lines as full_prepayment, course lines (delivered at once) as full_payment
 *   (issue 17 §2: tag 1214 is per position, mixed methods share a receipt);
 * - physical DELIVERED / service SERVED: full_payment, paid by offsetting the prepayment;
 * - course ACCESS_GRANTED: nothing more (its payment receipt was the one at checkout);
 * - line refunded: a sell_refund for the refunded amount; CANCELLED / REFUNDED: a sell_refund of
 *   what the buyer got back (receipted money less what the line keeps, e.g. a late-cancellation fee),
 *   and the kept part settled (full_payment, advance offset) so it is on a receipt; always at the
 *   original sale's rate. For every line: Σ money on sale receipts − Σ refund receipts = what is kept.
 * One receipt per issuer (the platform's register, or a merchant's own one).
 */
import { buildReceipt, FiscalDocument, FiscalLine, PaymentMethod, refundLine } from "./receipt"

/**
 * `kept_minor`: for a line that ended (cancelled, refunded), what it keeps of the money — captured
 * less refunded (a cancellation fee); an uncaptured line keeps nothing (its authorization was voided).
 */
export type PlanLine = FiscalLine & { state: string; issuer: string; kept_minor?: number }
export type ExistingReceipt = { settlement: string; status: string; document: FiscalDocument; created_at: Date | string }
export type Trigger =
  | { type: "placed" }
  | { type: "transitioned"; line_id: string; to: string }
  | { type: "refunded"; line_id: string; amount_minor: number; refund_id: string | null }

export type PlannedReceipt = { issuer: string; idempotency_key: string; line_ids: string[]; document: FiscalDocument }

/** The order's delivery, a service the platform sells itself (no agent): `line_id` is `ship:<method id>`. */
export type ShippingCharge = { id: string; name: string; amount_minor: number }
export const SHIPPING_LINE_PREFIX = "ship:"

const PREPAID_KINDS = new Set(["PHYSICAL", "SERVICE"])
/** Course states in which the checkout's money pays for it (it is not cancelled or refunded by then). */
const COURSE_PAID_STATES = new Set(["PAID", "ACCESS_GRANTED", "CONSUMED", "CLOSED"])
// A course is settled by the checkout's receipt (full_payment): its access adds no receipt.
const SETTLED_STATES: Record<string, string> = { PHYSICAL: "DELIVERED", SERVICE: "SERVED" }

export function planReceipts(input: {
  order_id: string
  trigger: Trigger
  lines: PlanLine[]
  existing: ExistingReceipt[]
  client: { email?: string | null; phone?: string | null }
  now: Date
  order_created_at: Date
  /** Delivery charges of the order and the platform's own tax regime (delivery is on the platform's receipt). */
  shipping?: ShippingCharge[]
  platform_tax_regime?: FiscalLine["tax_regime"]
}): PlannedReceipt[] {
  const { order_id, trigger, existing, client, now } = input
  const shippingLines: FiscalLine[] = (input.shipping ?? [])
    .filter((s) => s.amount_minor > 0)
    .map((s) => ({
      line_id: `${SHIPPING_LINE_PREFIX}${s.id}`, title: s.name || "Delivery", kind: "SERVICE" as const, quantity: 1, amount_minor: s.amount_minor,
      tax_regime: input.platform_tax_regime ?? "VAT_PAYER",
    }))
  const receiptsFor = (lineId: string, settlement: string) => existing.filter((r) => r.settlement === settlement && r.document.items.some((i) => i.line_id === lineId))
  const amountOn = (r: ExistingReceipt, lineId: string) => r.document.items.filter((i) => i.line_id === lineId).reduce((s, i) => s + i.sum, 0)

  if (trigger.type === "placed") {
    const lines = input.lines
      .filter((l) => l.amount_minor > 0 && (PREPAID_KINDS.has(l.kind) ? l.state === "PAID" : l.kind === "COURSE" && COURSE_PAID_STATES.has(l.state)))
      .map((l) => (l.kind === "COURSE" ? { ...l, payment_method: "full_payment" as const } : l))
    const groups = byIssuer(lines)
    // Delivery is paid now with the goods: it goes on the platform's prepayment receipt.
    if (shippingLines.length && lines.some((l) => l.kind === "PHYSICAL")) {
      const platform = groups.find(([issuer]) => issuer === "platform")
      if (platform) platform[1].push(...shippingLines)
      else groups.push(["platform", shippingLines])
    }
    return groups.map(([issuer, group]) => {
      const ids = group.map((l) => l.line_id).sort()
      return { issuer, line_ids: ids, idempotency_key: `${order_id}:prepayment:${ids.join(",")}`, document: buildReceipt({ settlement: "prepayment", lines: group, client, rate_date: now }) }
    })
  }

  const line = input.lines.find((l) => l.line_id === (trigger as any).line_id)
  if (!line || line.amount_minor <= 0) return []
  const prepayments = receiptsFor(line.line_id, "prepayment")
  const payments = receiptsFor(line.line_id, "payment")

  if (trigger.type === "transitioned" && SETTLED_STATES[line.kind] === trigger.to) {
    // Settled in full by the money received (a course on the checkout's receipt): nothing to add.
    if (prepayments.some((r) => r.document.items.some((i) => i.line_id === line.line_id && i.payment_method === "full_payment"))) return []
    const advance = prepayments.length > 0
    const planned: PlannedReceipt[] = [{
      issuer: line.issuer, line_ids: [line.line_id], idempotency_key: `${order_id}:payment:${line.line_id}`,
      document: buildReceipt({ settlement: "payment", lines: [line], client, rate_date: now, advance_offset: advance }),
    }]
    // The first delivered physical line also settles the delivery that was prepaid with it.
    const prepaidShipping = shippingLines.filter((s) => receiptsFor(s.line_id, "prepayment").length && !receiptsFor(s.line_id, "payment").length)
    if (line.kind === "PHYSICAL" && prepaidShipping.length) {
      planned.push({
        issuer: "platform", line_ids: prepaidShipping.map((s) => s.line_id), idempotency_key: `${order_id}:payment:shipping`,
        document: buildReceipt({ settlement: "payment", lines: prepaidShipping, client, rate_date: now, advance_offset: true }),
      })
    }
    return planned
  }

  const refundable = trigger.type === "refunded" || (trigger.type === "transitioned" && (trigger.to === "CANCELLED" || trigger.to === "REFUNDED"))
  if (!refundable) return []
  // Money the receipts took for this line: the prepayment, or the payment when it was paid directly.
  const moneyReceipt = prepayments[0] ?? payments.find((p) => p.document.payments.some((x) => x.type === "electronic"))
  if (!moneyReceipt) return []
  const settled = amountOn(moneyReceipt, line.line_id)
  const refunded = receiptsFor(line.line_id, "refund").reduce((s, r) => s + amountOn(r, line.line_id), 0)
  const remaining = settled - refunded
  // An ended line returns what the receipts took, less what it keeps (never less than nothing).
  const kept = trigger.type === "transitioned" ? Math.min(Math.max(0, line.kept_minor ?? 0), remaining) : 0
  const amount = trigger.type === "refunded" ? Math.min(trigger.amount_minor, remaining) : remaining - kept
  const paidInFull = payments.length > 0 || moneyReceipt.document.items.some((i) => i.line_id === line.line_id && i.payment_method === "full_payment")
  const refundOf: PaymentMethod = paidInFull ? "full_payment" : "full_prepayment"
  const sold: FiscalLine = { ...line, payment_method: undefined, amount_minor: settled }
  const suffix = trigger.type === "refunded" ? trigger.refund_id ?? `amount-${trigger.amount_minor}-${refunded}` : "cancel"
  const planned: PlannedReceipt[] = []
  if (amount > 0) {
    planned.push({
      issuer: line.issuer, line_ids: [line.line_id], idempotency_key: `${order_id}:refund:${line.line_id}:${suffix}`,
      document: buildReceipt({ settlement: "refund", lines: [refundLine(sold, amount)], client, rate_date: new Date(moneyReceipt.created_at), refund_of: refundOf }),
    })
  }
  // The kept part (a cancellation fee) of a line only prepaid is settled now, offsetting the advance:
  // the fee is the price of the cancelled supply and must be on a receipt.
  if (kept > 0 && !paidInFull) {
    planned.push({
      issuer: line.issuer, line_ids: [line.line_id], idempotency_key: `${order_id}:payment:${line.line_id}`,
      document: buildReceipt({ settlement: "payment", lines: [{ ...refundLine(sold, kept), payment_method: undefined }], client, rate_date: now, advance_offset: true }),
    })
  }
  return planned
}

function byIssuer(lines: PlanLine[]): [string, FiscalLine[]][] {
  const groups = new Map<string, FiscalLine[]>()
  for (const { state: _s, issuer, ...line } of lines) groups.set(issuer, [...(groups.get(issuer) ?? []), line])
  return [...groups.entries()]
}
