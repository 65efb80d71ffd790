import type { MedusaResponse } from "@medusajs/framework/http"
import type { StaffRole } from "../../../../lib/merchant-roles"
import { changeMerchantStaffRoleWorkflow } from "../../../../workflows/marketplace/merchant-invites"
import type { MerchantRequest } from "../../context"

/** The owner gives a member another role (owner-only in the role table, src/lib/merchant-roles.ts). */
export const POST = async (req: MerchantRequest<{ role: StaffRole }>, res: MedusaResponse) => {
  const { result } = await changeMerchantStaffRoleWorkflow(req.scope).run({
    input: { merchant_id: req.merchantContext.merchant.id, user_id: req.params.id, role: (req as any).validatedBody.role },
  })
  res.json({ staff_member: { id: result.id, email: result.email, role: result.role } })
}
