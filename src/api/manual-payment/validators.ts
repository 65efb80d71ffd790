import { z } from "@medusajs/framework/zod"

/** `amount` in the order's major units (like the refund routes); absent: everything still awaited. */
export const ManualPaymentReceivedBody = z
  .object({
    amount: z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
export type ManualPaymentReceivedBodyType = z.infer<typeof ManualPaymentReceivedBody>
