import type { ItemAmounts } from "../order-items"
import { type CommissionRuleLike, lineCommission, resolveRule } from "./commission"

/**
 * Per-merchant splits of one order (issue 5 §2), all integers in the order's minor units.
 * Booking rule (docs/marketplace-money.md): a line's tax belongs to the line's merchant, who is the
 * supplier and owes it to the tax authority; commission is charged on the line's taxable amount
 * (after its share of the order's discounts, before tax); shipping is the platform's (the platform
 * sells the shipping options) and is booked apart, outside every split. Lines without a merchant are
 * the platform's own sales: their whole amount is platform revenue.
 * Promotion funding (issue 17 §3): a merchant-funded discount lowers the merchant's commission base
 * and its net; a platform-funded one is the platform's cost and lowers neither — the merchant is owed
 * what it would be owed without it, and the platform pays the difference out of its own pocket.
 */
export type SplitInputLine = {
  order_line_id: string
  line_item_id: string
  merchant_id: string | null
  kind: string
  category_ids: readonly string[]
  amounts: ItemAmounts
}

export type SplitLineFigures = {
  order_line_id: string
  line_item_id: string
  merchant_id: string | null
  kind: string
  subtotal: number
  /** Every discount on the line (what the buyer saved). */
  discount: number
  /** The part of `discount` the platform funds; the rest is the merchant's. */
  platform_discount: number
  tax: number
  /** What the buyer pays for the line: the most it can capture. */
  gross: number
  commission: number
  /** VAT the platform charges the merchant on its commission (UAE merchants: 5 %), kept from its net. */
  commission_vat: number
  net: number
  rule_id: string
  rate_bps: number
  fixed_fee_minor: number
  refund_reverses_commission: boolean
}

export type MerchantSplit = {
  merchant_id: string | null
  currency_code: string
  gross: number
  discount: number
  platform_discount: number
  tax: number
  commission: number
  commission_vat: number
  net: number
  lines: SplitLineFigures[]
}

export const PLATFORM_OWN_RULE = "platform_own"

/** VAT on a commission for a merchant (0 when none is due); see commissionVatMinor in src/lib/vat-ae. */
export type CommissionVat = (merchantId: string, commissionMinor: number) => number

export function splitLine(
  line: SplitInputLine, currency: string, rules: readonly CommissionRuleLike[], at: Date, fallback: CommissionRuleLike, commissionVat: CommissionVat = () => 0
): SplitLineFigures {
  const { subtotal, discount, tax, taxable, total } = line.amounts
  const base = { order_line_id: line.order_line_id, line_item_id: line.line_item_id, merchant_id: line.merchant_id, kind: line.kind, subtotal, discount, tax, gross: total }
  if (!line.merchant_id) {
    // The platform's own sale: every discount on it is the platform's anyway.
    return { ...base, platform_discount: 0, commission: total, commission_vat: 0, net: 0, rule_id: PLATFORM_OWN_RULE, rate_bps: 10_000, fixed_fee_minor: 0, refund_reverses_commission: true }
  }
  const platformDiscount = Math.max(0, Math.min(discount, line.amounts.platform_discount ?? 0))
  const rule = resolveRule(rules, { merchant_id: line.merchant_id, kind: line.kind, category_ids: line.category_ids, currency_code: currency }, at, fallback)
  // The merchant's side of the line: as if the platform's discount had not been given.
  const merchantGross = total + platformDiscount
  const commission = lineCommission(taxable + platformDiscount, currency, rule)
  // Never more than what is left of the line after the commission.
  const vat = Math.min(Math.max(0, commissionVat(line.merchant_id, commission)), merchantGross - commission)
  return {
    ...base,
    platform_discount: platformDiscount,
    commission,
    commission_vat: vat,
    net: merchantGross - commission - vat,
    rule_id: rule.id,
    rate_bps: rule.rate_bps,
    fixed_fee_minor: commission > 0 && rule.fixed_fee_currency?.toLowerCase() === currency.toLowerCase() ? rule.fixed_fee_minor ?? 0 : 0,
    refund_reverses_commission: rule.refund_reverses_commission ?? true,
  }
}

/** One split per merchant (platform-own lines under merchant_id null), lines in input order. */
export function computeSplits(input: {
  currency_code: string
  lines: readonly SplitInputLine[]
  rules: readonly CommissionRuleLike[]
  at: Date
  fallback: CommissionRuleLike
  commissionVat?: CommissionVat
}): MerchantSplit[] {
  const byMerchant = new Map<string | null, MerchantSplit>()
  for (const line of input.lines) {
    const figures = splitLine(line, input.currency_code, input.rules, input.at, input.fallback, input.commissionVat)
    let split = byMerchant.get(line.merchant_id)
    if (!split) {
      split = { merchant_id: line.merchant_id, currency_code: input.currency_code, gross: 0, discount: 0, platform_discount: 0, tax: 0, commission: 0, commission_vat: 0, net: 0, lines: [] }
      byMerchant.set(line.merchant_id, split)
    }
    split.lines.push(figures)
    split.gross += figures.gross
    split.discount += figures.discount
    split.platform_discount += figures.platform_discount
    split.tax += figures.tax
    split.commission += figures.commission
    split.commission_vat += figures.commission_vat
    split.net += figures.net
  }
  return [...byMerchant.values()]
}
