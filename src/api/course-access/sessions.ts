import type { MedusaContainer } from "@medusajs/framework/types"
import { createHash } from "crypto"
import { sessionDecision } from "../../lib/course-access/sessions"
import { SnailError } from "../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"

export function sessionIdleMs(env: NodeJS.ProcessEnv = process.env) {
  const n = Number(env.COURSE_SESSION_IDLE_SECONDS)
  return (Number.isFinite(n) && n > 0 ? n : 15 * 60) * 1000
}

/** A client without its own device id is told apart by its user agent (coarse, but never shared by accident across browsers). */
export function deviceIdOf(given: string | undefined, userAgent: string | undefined) {
  return given ?? `ua-${createHash("sha256").update(userAgent ?? "").digest("hex").slice(0, 16)}`
}

/**
 * Enforces the policy's `max_sessions` when a device asks for a lesson URL, and records the device
 * as seen. 409 COURSE_SESSION_LIMIT when the limit is full of other active devices.
 */
export async function touchCourseSession(scope: MedusaContainer, grantId: string, deviceId: string, maxSessions: number | null) {
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const now = new Date()
  const sessions = await courses.listCourseSessions({ grant_id: grantId })
  const decision = sessionDecision(sessions as any, deviceId, maxSessions, now, sessionIdleMs())
  if (!decision.allowed) {
    throw new SnailError(409, "COURSE_SESSION_LIMIT", `This course is open on ${decision.active} device(s), the most it allows (${maxSessions}); try again later or close it elsewhere`)
  }
  const mine = sessions.find((s) => s.device_id === deviceId)
  if (mine) await courses.updateCourseSessions({ id: mine.id, last_seen_at: now })
  else await courses.createCourseSessions({ grant_id: grantId, device_id: deviceId, last_seen_at: now })
}
