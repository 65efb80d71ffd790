import { percentOf } from "../money"

/**
 * Commission rules (issue 5 §1). A rule may name a merchant, a product kind and/or a category; the
 * most specific valid rule wins: merchant counts 4, category 2, kind 1 (so "this merchant" beats
 * "this category" beats "this kind" beats the platform default). Two rules with the same scope may
 * not overlap in time; when equally specific rules of different scopes both match (a product in two
 * categories), the lower rate applies — the merchant-friendly reading, and deterministic.
 */
export type CommissionRuleLike = {
  id: string
  merchant_id?: string | null
  product_kind?: string | null
  category_id?: string | null
  rate_bps: number
  /** Per line, in `fixed_fee_currency`; ignored for lines in another currency. */
  fixed_fee_minor?: number | null
  fixed_fee_currency?: string | null
  valid_from?: Date | string | null
  valid_to?: Date | string | null
  /** Whether a refund gives the commission back pro rata (default) or the merchant bears it all. */
  refund_reverses_commission?: boolean | null
}

export type CommissionSubject = { merchant_id: string | null; kind: string; category_ids: readonly string[]; currency_code: string }

export const MAX_RATE_BPS = 10_000

/** The built-in platform default when no unscoped rule exists (issue 5: 10 %). */
export function defaultRule(rateBps: number): CommissionRuleLike {
  return { id: "platform_default", rate_bps: rateBps, refund_reverses_commission: true }
}

export function specificity(rule: Pick<CommissionRuleLike, "merchant_id" | "product_kind" | "category_id">) {
  return (rule.merchant_id ? 4 : 0) + (rule.category_id ? 2 : 0) + (rule.product_kind ? 1 : 0)
}

export function isValidAt(rule: Pick<CommissionRuleLike, "valid_from" | "valid_to">, at: Date) {
  const from = rule.valid_from ? new Date(rule.valid_from).getTime() : -Infinity
  const to = rule.valid_to ? new Date(rule.valid_to).getTime() : Infinity
  return from <= at.getTime() && at.getTime() < to
}

function matches(rule: CommissionRuleLike, subject: CommissionSubject) {
  return (
    (!rule.merchant_id || rule.merchant_id === subject.merchant_id) &&
    (!rule.product_kind || rule.product_kind === subject.kind) &&
    (!rule.category_id || subject.category_ids.includes(rule.category_id))
  )
}

export function resolveRule(rules: readonly CommissionRuleLike[], subject: CommissionSubject, at: Date, fallback: CommissionRuleLike) {
  const candidates = rules.filter((r) => isValidAt(r, at) && matches(r, subject))
  candidates.sort((a, b) => specificity(b) - specificity(a) || a.rate_bps - b.rate_bps || a.id.localeCompare(b.id))
  return candidates[0] ?? fallback
}

/** Commission on a line's taxable amount (after discounts, before tax): rate plus fixed fee, never above the amount. */
export function lineCommission(taxableMinor: number, currency: string, rule: CommissionRuleLike) {
  const fee = rule.fixed_fee_minor && rule.fixed_fee_currency?.toLowerCase() === currency.toLowerCase() ? rule.fixed_fee_minor : 0
  return Math.min(Math.max(0, taxableMinor), percentOf(Math.max(0, taxableMinor), rule.rate_bps) + fee)
}

function sameScope(a: CommissionRuleLike, b: CommissionRuleLike) {
  return (a.merchant_id ?? null) === (b.merchant_id ?? null) && (a.product_kind ?? null) === (b.product_kind ?? null) && (a.category_id ?? null) === (b.category_id ?? null)
}

/** The first existing rule of the same scope whose validity overlaps the candidate's, if any. */
export function findOverlap(existing: readonly CommissionRuleLike[], candidate: CommissionRuleLike) {
  const start = (r: CommissionRuleLike) => (r.valid_from ? new Date(r.valid_from).getTime() : -Infinity)
  const end = (r: CommissionRuleLike) => (r.valid_to ? new Date(r.valid_to).getTime() : Infinity)
  return existing.find((r) => r.id !== candidate.id && sameScope(r, candidate) && start(r) < end(candidate) && start(candidate) < end(r))
}
