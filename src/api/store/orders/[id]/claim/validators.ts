import { z } from "@medusajs/framework/zod"

/** The token of the order's signed link (`?token=` of the confirmation email's URL). */
export const ClaimOrderBody = z.object({ token: z.string().min(1).max(200) }).strict()
export type ClaimOrderBodyType = z.infer<typeof ClaimOrderBody>
