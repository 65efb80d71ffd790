import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLesson, updateLesson } from "../../../../../course-access/content"
import type { UpdateLessonBodyType } from "../../../../../course-access/validators"

export const POST = async (req: AuthenticatedMedusaRequest<UpdateLessonBodyType>, res: MedusaResponse) => {
  res.json({ lesson: await updateLesson(req.scope, req.params.product_id, req.params.lesson_id, req.validatedBody) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await deleteLesson(req.scope, req.params.product_id, req.params.lesson_id))
}
