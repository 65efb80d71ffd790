import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(200)

export const AuditQuery = z.object({
  action: z.string().trim().min(1).max(200).optional(),
  actor_id: id.optional(),
  actor_type: z.enum(["user", "merchant", "customer", "api-key", "system", "anonymous"]).optional(),
  target_type: z.string().trim().min(1).max(100).optional(),
  target_id: id.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})
export type AuditQuery = z.infer<typeof AuditQuery>
