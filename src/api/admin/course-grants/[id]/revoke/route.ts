import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../../../../modules/course-access"
import type CourseAccessModuleService from "../../../../../modules/course-access/service"
import { revokeCourseGrantWorkflow } from "../../../../../workflows/course-access/revoke-course-grant"
import type { RevokeGrantBodyType } from "../../../../course-access/validators"

/** An operator revokes a grant at once (abuse, chargeback handled by hand). Idempotent. */
export const POST = async (req: AuthenticatedMedusaRequest<RevokeGrantBodyType>, res: MedusaResponse) => {
  const courses: CourseAccessModuleService = req.scope.resolve(COURSE_ACCESS_MODULE)
  const [grant] = await courses.listCourseGrants({ id: req.params.id })
  if (!grant) throw new SnailError(404, "NOT_FOUND", `Grant ${req.params.id} not found`)
  await revokeCourseGrantWorkflow(req.scope).run({
    input: { grant_id: grant.id, reason: req.validatedBody.reason, actor_type: "operator", actor_id: req.auth_context.actor_id },
  })
  res.json({ grant: await courses.retrieveCourseGrant(grant.id) })
}
