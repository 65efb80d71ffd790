import { toMinorUnits, type MajorAmount } from "./money"

// What an order comes to after cancellations and refunds (issue 21 §3). Medusa's order keeps a
// cancelled line's item and its total as placed (docs/order-truth.md, "What is not covered yet"),
// so the buyer's figures after a change are derived from the lines' own money: each line's total
// as placed, what was captured for it and what was refunded. All sums in integer minor units.

/** The line lifecycle states in which a line has ended without being bought (its money given back or never taken). */
export const ENDED_STATES = new Set(["CANCELLED", "REFUNDED", "RETURNED"])

export type LineForMoney = {
  id: string
  line_item_id: string
  title: string | null
  kind: string
  state: string
  captured_amount?: MajorAmount
  refunded_amount?: MajorAmount
}

/** One row under the order's total: a cancelled line, a fee kept on it, or a refund. */
export type Adjustment = {
  /** cancelled / refunded / returned: the whole line came off (by its state); fee: kept on it; refund: a partial refund of a line still bought. */
  kind: "cancelled" | "refunded" | "returned" | "fee" | "refund" | "delivery"
  line_id: string | null
  title: string
  amount: number
}
const ENDED_KIND: Record<string, Adjustment["kind"]> = { CANCELLED: "cancelled", REFUNDED: "refunded", RETURNED: "returned" }

export type OrderBalance = {
  adjustments: Adjustment[]
  /** What the order comes to now: the total as placed plus every adjustment. */
  payable: number
  /** What the card has been charged so far, net of refunds (the order's payments, as Medusa booked them). */
  charged: number
}

/** An order's payment collection as Medusa sends it (major units). */
export type PaymentForMoney = { captured_amount?: MajorAmount; refunded_amount?: MajorAmount }

/**
 * @param placedTotal the order's total as placed (minor units)
 * @param itemTotals each order item's total as placed (minor units) by line item id
 * @param deliveryTotal the order's delivery with its tax as placed (minor units)
 * @param payments the order's payment collections: what was captured and refunded (delivery included)
 */
export function orderBalance(
  placedTotal: number,
  itemTotals: Record<string, number>,
  deliveryTotal: number,
  lines: LineForMoney[],
  payments: PaymentForMoney[],
  currency: string
): OrderBalance {
  const minor = (a: MajorAmount) => toMinorUnits(a, currency)
  const adjustments: Adjustment[] = []
  for (const line of lines) {
    const title = line.title ?? ""
    const captured = minor(line.captured_amount)
    const refunded = minor(line.refunded_amount)
    if (ENDED_STATES.has(line.state)) {
      // The whole line comes off; whatever was captured and not given back is a fee the seller kept.
      adjustments.push({ kind: ENDED_KIND[line.state], line_id: line.id, title, amount: -(itemTotals[line.line_item_id] ?? 0) })
      if (captured - refunded > 0) adjustments.push({ kind: "fee", line_id: line.id, title, amount: captured - refunded })
    } else if (refunded > 0) {
      // A line still bought, partly refunded (a dispute's partial refund).
      adjustments.push({ kind: "refund", line_id: line.id, title, amount: -refunded })
    }
  }
  // Delivery is for the goods: with every goods line ended it comes off too. A line's capture holds
  // its delivery share (src/workflows/order-lines/steps/capture-line.ts), so delivery kept by the
  // seller already shows in that line's fee.
  const goods = lines.filter((l) => l.kind === "PHYSICAL")
  if (deliveryTotal > 0 && goods.length > 0 && goods.every((l) => ENDED_STATES.has(l.state))) {
    adjustments.push({ kind: "delivery", line_id: null, title: "", amount: -deliveryTotal })
  }
  const payable = adjustments.reduce((sum, a) => sum + a.amount, placedTotal)
  const charged = payments.reduce((sum, p) => sum + minor(p.captured_amount) - minor(p.refunded_amount), 0)
  return { adjustments, payable, charged }
}
