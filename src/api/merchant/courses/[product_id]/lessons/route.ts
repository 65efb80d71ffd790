import type { MedusaResponse } from "@medusajs/framework/http"
import { createLesson } from "../../../../course-access/content"
import type { CreateLessonBodyType } from "../../../../course-access/validators"
import type { MerchantRequest } from "../../../context"
import { assertOwnProduct } from "../../../scope"

/** Uploads a lesson (a file, or an HLS playlist with its segments) as private files. */
export const POST = async (req: MerchantRequest<CreateLessonBodyType>, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.product_id)
  res.status(201).json({ lesson: await createLesson(req.scope, req.params.product_id, req.validatedBody) })
}
