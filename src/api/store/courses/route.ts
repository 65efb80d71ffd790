import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"
import { presentGrant } from "../../course-access/buyer"

/** "My courses": every course the signed-in buyer was granted, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const courses: CourseAccessModuleService = req.scope.resolve(COURSE_ACCESS_MODULE)
  const grants = await courses.listCourseGrants({ customer_id: req.auth_context.actor_id }, { order: { granted_at: "DESC" } })
  res.json({ courses: await Promise.all(grants.map((g) => presentGrant(req.scope, g, req.locale))) })
}
