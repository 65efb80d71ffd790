import { z } from "@medusajs/framework/zod"
import { finiteNumber } from "../../lib/validation/inputs"

export const LineTransitionBody = z
  .object({
    to: z.string().min(1).max(40),
    reason: z.string().max(500).optional(),
    carrier: z.string().min(1).max(100).optional(),
    tracking_number: z.string().min(1).max(100).optional(),
  })
  .strict()
export type LineTransitionBodyType = z.infer<typeof LineTransitionBody>

export const LineRefundBody = z
  .object({
    amount: z.union([finiteNumber().positive(), z.string().regex(/^\d{1,13}(\.\d{1,4})?$/)]).optional(),
    reason: z.string().min(3).max(500),
    restock: z.boolean().optional(),
  })
  .strict()
export type LineRefundBodyType = z.infer<typeof LineRefundBody>
