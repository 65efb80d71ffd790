import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteLesson, updateLesson } from "../../../../../course-access/content"
import type { UpdateLessonBodyType } from "../../../../../course-access/validators"
import type { MerchantRequest } from "../../../../context"
import { assertOwnProduct } from "../../../../scope"

export const POST = async (req: MerchantRequest<UpdateLessonBodyType>, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.product_id)
  res.json({ lesson: await updateLesson(req.scope, req.params.product_id, req.params.lesson_id, req.validatedBody) })
}

export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.product_id)
  res.json(await deleteLesson(req.scope, req.params.product_id, req.params.lesson_id))
}
