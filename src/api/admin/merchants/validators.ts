import { z } from "@medusajs/framework/zod"
import { KYC_STATUSES } from "../../../modules/marketplace/models/merchant"

export const ListMerchantsQuery = z
  .object({
    kyc_status: z.enum(KYC_STATUSES).optional(),
    q: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const KycReason = z.object({ reason: z.string().min(3).max(1000) }).strict()
export const KycApprove = z.object({}).strict()
