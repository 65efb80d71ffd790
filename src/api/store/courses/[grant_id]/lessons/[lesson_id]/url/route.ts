import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { judgeGrant } from "../../../../../../../lib/course-access/signing"
import { SnailError } from "../../../../../../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../../../../../../modules/course-access"
import type CourseAccessModuleService from "../../../../../../../modules/course-access/service"
import { buyersGrant, signedLessonUrl } from "../../../../../../course-access/buyer"
import { deviceIdOf, touchCourseSession } from "../../../../../../course-access/sessions"
import type { LessonUrlBodyType } from "../../../../../../course-access/validators"

/** Issues a short-lived signed URL for one lesson (the file, or the HLS playlist); counts the device. */
export const POST = async (req: AuthenticatedMedusaRequest<LessonUrlBodyType>, res: MedusaResponse) => {
  const grant = await buyersGrant(req.scope, req.params.grant_id, req.auth_context.actor_id)
  const judged = judgeGrant(grant as any, { requesterCustomerId: req.auth_context.actor_id })
  if (!judged.ok) throw new SnailError(403, judged.code, judged.message)
  const courses: CourseAccessModuleService = req.scope.resolve(COURSE_ACCESS_MODULE)
  const [lesson] = await courses.listCourseLessons({ id: req.params.lesson_id, product_id: grant.product_id })
  if (!lesson) throw new SnailError(404, "NOT_FOUND", `Lesson ${req.params.lesson_id} not found`)
  const [policy] = await courses.listCoursePolicies({ product_id: grant.product_id })
  await touchCourseSession(req.scope, grant.id, deviceIdOf(req.validatedBody?.device_id, req.get("user-agent")), policy?.max_sessions ?? null)
  res.json({ ...signedLessonUrl(req, grant.id, lesson.id), kind: lesson.kind, mime_type: lesson.mime_type })
}
