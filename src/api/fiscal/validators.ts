import { z } from "@medusajs/framework/zod"
import { limitParam, offsetParam } from "../../lib/validation/inputs"

export const ReceiptListQuery = z.object({
  status: z.enum(["PENDING", "SENT", "DONE", "FAILED"]).optional(),
  order_id: z.string().optional(),
  operation: z.enum(["sell", "sell_refund", "sell_correction"]).optional(),
  provider_id: z.string().optional(),
  limit: limitParam(50, 200),
  offset: offsetParam(),
})

export const CorrectionBody = z.object({
  reason: z.string().min(3).max(500),
  /** Number of the document the correction is based on (tag 1179); defaults to the receipt's FD number. */
  base_number: z.string().min(1).max(32).optional(),
  base_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
})

export const CredentialBody = z.object({
  /** "platform" or a merchant id. */
  owner: z.string().min(1),
  provider_id: z.string().min(1),
  config: z.record(z.string(), z.any()),
  is_active: z.boolean().optional(),
})
