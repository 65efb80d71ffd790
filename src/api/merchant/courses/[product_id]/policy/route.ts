import type { MedusaResponse } from "@medusajs/framework/http"
import { upsertPolicy } from "../../../../course-access/content"
import type { CoursePolicyBodyType } from "../../../../course-access/validators"
import type { MerchantRequest } from "../../../context"
import { assertOwnProduct } from "../../../scope"

export const POST = async (req: MerchantRequest<CoursePolicyBodyType>, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.product_id)
  res.json({ policy: await upsertPolicy(req.scope, req.params.product_id, req.validatedBody) })
}
