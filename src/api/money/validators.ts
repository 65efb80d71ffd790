import { z } from "@medusajs/framework/zod"
import { AGENT_TYPES } from "../../lib/fiscal/receipt"
import { DISPUTE_REASONS } from "../../modules/marketplace/models/dispute"
import { PRODUCT_KINDS } from "../../lib/product-kinds"

const isoDate = z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))

// Rates are checked in the handler too, to answer with INVALID_COMMISSION_RATE rather than a generic 400.
export const CommissionRuleBody = z
  .object({
    merchant_id: z.string().min(1).nullable().optional(),
    product_kind: z.enum(PRODUCT_KINDS).nullable().optional(),
    category_id: z.string().min(1).nullable().optional(),
    rate_bps: z.number().int(),
    fixed_fee_minor: z.number().int().optional(),
    fixed_fee_currency: z.string().length(3).nullable().optional(),
    valid_from: isoDate.nullable().optional(),
    valid_to: isoDate.nullable().optional(),
    refund_reverses_commission: z.boolean().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict()
export type CommissionRuleBodyType = z.infer<typeof CommissionRuleBody>

export const RunPayoutBatchBody = z.object({ run_key: z.string().min(1).max(100).optional() }).strict()
export const MarkPayoutFailedBody = z.object({ reason: z.string().min(3).max(500) }).strict()

export const OpenDisputeBody = z.object({ reason: z.enum(DISPUTE_REASONS), message: z.string().min(3).max(5000) }).strict()
export const DisputeMessageBody = z.object({ body: z.string().min(1).max(5000) }).strict()
export const ResolveDisputeBody = z
  .object({
    outcome: z.enum(["refund", "reject"]),
    amount: z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()

export const ReconcileBody = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()

export const PromotionFundingBody = z.object({ funded_by: z.enum(["platform", "merchant"]) }).strict()
export type PromotionFundingBodyType = z.infer<typeof PromotionFundingBody>

export const FiscalAgentBody = z.object({ agent_type: z.enum(AGENT_TYPES).nullable() }).strict()
export type FiscalAgentBodyType = z.infer<typeof FiscalAgentBody>
