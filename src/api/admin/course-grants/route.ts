import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { judgeGrant } from "../../../lib/course-access/signing"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"

/** Operators: grants, filtered by product, order, customer or status; each with its refused-attempt count. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const courses: CourseAccessModuleService = req.scope.resolve(COURSE_ACCESS_MODULE)
  const filters: Record<string, string> = {}
  for (const key of ["product_id", "order_id", "customer_id", "status"]) {
    if (typeof req.query[key] === "string") filters[key] = req.query[key] as string
  }
  const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50))
  const offset = Math.max(0, Number(req.query.offset) || 0)
  const [grants, count] = await courses.listAndCountCourseGrants(filters, { order: { granted_at: "DESC" }, take: limit, skip: offset })
  const attempts = grants.length ? await courses.listAccessAttempts({ grant_id: grants.map((g) => g.id) }, { select: ["grant_id"] }) : []
  res.json({
    grants: grants.map((g) => {
      const judged = judgeGrant(g as any, {})
      return {
        ...g,
        effective_status: judged.ok ? "ACTIVE" : judged.code === "COURSE_GRANT_EXPIRED" ? "EXPIRED" : g.status,
        refused_attempts: attempts.filter((a) => a.grant_id === g.id).length,
      }
    }),
    count, limit, offset,
  })
}
