import type { MedusaResponse } from "@medusajs/framework/http"
import { courseContent } from "../../../course-access/content"
import type { MerchantRequest } from "../../context"
import { assertOwnProduct } from "../../scope"

/** The course's policy and lessons (own COURSE products only; others' answer 404). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.product_id)
  res.json(await courseContent(req.scope, req.params.product_id))
}
