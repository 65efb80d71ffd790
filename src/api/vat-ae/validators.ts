import { z } from "@medusajs/framework/zod"
import { RULE_MATCH_TYPES, VAT_TREATMENTS } from "../../lib/vat-ae"

export const TreatmentRuleBody = z.object({
  match_type: z.enum(RULE_MATCH_TYPES),
  match_value: z.string().trim().min(1).max(200),
  treatment: z.enum(VAT_TREATMENTS),
  priority: z.number().int().min(-1000).max(1000).optional(),
  note: z.string().max(500).nullish(),
}).strict()

export const ExchangeRateBody = z.object({
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/).transform((v) => v.toLowerCase()),
  aed_per_unit: z.string().regex(/^\d{1,6}(\.\d{1,8})?$/, "an exact decimal such as 3.6725").refine((v) => Number(v) > 0, "must be positive"),
}).strict()
