import { z } from "@medusajs/framework/zod"
import { KYC_STATUSES } from "../../../modules/marketplace/models/merchant"
import { limitParam, offsetParam, shortText } from "../../../lib/validation/inputs"

export const ListMerchantsQuery = z
  .object({
    kyc_status: z.enum(KYC_STATUSES).optional(),
    q: shortText().optional(),
    limit: limitParam(20, 100),
    offset: offsetParam(),
  })
  .strict()

export const KycReason = z.object({ reason: z.string().min(3).max(1000) }).strict()
export const KycApprove = z.object({}).strict()
