import type { MedusaContainer } from "@medusajs/framework/types"
import { findOverlap, MAX_RATE_BPS } from "../../lib/marketplace-money/commission"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import type { CommissionRuleBodyType } from "./validators"

/** Checks a rule (new or changed) and refuses an overlap with a rule of the same scope. */
export async function validateCommissionRule(scope: MedusaContainer, rule: Partial<CommissionRuleBodyType> & { id?: string }) {
  if (rule.rate_bps !== undefined && (rule.rate_bps < 0 || rule.rate_bps > MAX_RATE_BPS)) {
    throw new SnailError(400, "INVALID_COMMISSION_RATE", `rate_bps must be 0–${MAX_RATE_BPS} (0–100 %), got ${rule.rate_bps}`, "rate_bps")
  }
  if (rule.fixed_fee_minor !== undefined && (rule.fixed_fee_minor < 0 || (rule.fixed_fee_minor > 0 && !rule.fixed_fee_currency))) {
    throw new SnailError(400, "INVALID_COMMISSION_RATE", "fixed_fee_minor must be ≥ 0 and needs fixed_fee_currency", "fixed_fee_minor")
  }
  if (rule.valid_from && rule.valid_to && new Date(rule.valid_from) >= new Date(rule.valid_to)) {
    throw new SnailError(400, "INVALID_PERIOD", "valid_from must be before valid_to", "valid_to")
  }
  const marketplace: MarketplaceModuleService = scope.resolve(MARKETPLACE_MODULE)
  if (rule.merchant_id) await marketplace.retrieveMerchant(rule.merchant_id).catch(() => {
    throw new SnailError(400, "NOT_FOUND", `Merchant ${rule.merchant_id} not found`, "merchant_id")
  })
  const existing = await marketplace.listCommissionRules({ merchant_id: rule.merchant_id ?? null, product_kind: rule.product_kind ?? null, category_id: rule.category_id ?? null } as any)
  const clash = findOverlap(existing as any, { ...(rule as any), id: rule.id ?? "new", rate_bps: rule.rate_bps ?? 0 })
  if (clash) throw new SnailError(409, "COMMISSION_RULE_OVERLAP", `Rule ${clash.id} has the same scope and an overlapping validity period`)
}
