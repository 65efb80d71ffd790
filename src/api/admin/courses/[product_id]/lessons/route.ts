import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLesson } from "../../../../course-access/content"
import type { CreateLessonBodyType } from "../../../../course-access/validators"

export const POST = async (req: AuthenticatedMedusaRequest<CreateLessonBodyType>, res: MedusaResponse) => {
  res.status(201).json({ lesson: await createLesson(req.scope, req.params.product_id, req.validatedBody) })
}
