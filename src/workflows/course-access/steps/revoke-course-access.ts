import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"

type Previous = { id: string; status: string; revoked_at: Date | null; reason: string | null }[]

/**
 * The `revoke_access` effect (refund, chargeback, operator): every ACTIVE grant of the line (or
 * the named grant) becomes REVOKED at once; the asset route checks the status on every request,
 * so already-issued URLs stop working immediately. Revoking twice changes nothing.
 */
export const revokeCourseAccessStep = createStep(
  "revoke-course-access",
  async (input: { line_id?: string; grant_id?: string; reason: string }, { container }) => {
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    const filter: Record<string, string> = input.grant_id ? { id: input.grant_id } : { order_line_id: input.line_id! }
    const grants = (await courses.listCourseGrants(filter)).filter((g) => g.status === "ACTIVE")
    if (!grants.length) return new StepResponse({ revoked: [] as string[] }, [] as Previous)
    const now = new Date()
    await courses.updateCourseGrants(grants.map((g) => ({ id: g.id, status: "REVOKED" as const, revoked_at: now, reason: input.reason })))
    return new StepResponse(
      { revoked: grants.map((g) => g.id) },
      grants.map((g) => ({ id: g.id, status: g.status, revoked_at: (g.revoked_at as any) ?? null, reason: g.reason ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    await courses.updateCourseGrants(previous.map((p) => ({ id: p.id, status: p.status as any, revoked_at: p.revoked_at, reason: p.reason })))
  }
)
