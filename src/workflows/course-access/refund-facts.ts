import type { MedusaContainer } from "@medusajs/framework/types"
import { refundDecision, refundGuardWindowEnd, type RefundDecision } from "../../lib/course-access/refund-rule"
import type { GuardFacts } from "../../lib/line-process/types"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { DEFAULT_POLICY } from "./config"

/** The course refund rule for one order line, from its grant, the product's policy and the progress. */
export async function courseRefundDecision(container: MedusaContainer, lineId: string, now = new Date()): Promise<RefundDecision> {
  const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
  const [grant] = await courses.listCourseGrants({ order_line_id: lineId })
  if (!grant) return refundDecision({ policy: DEFAULT_POLICY, grantedAt: null, consumptionPct: 0, now })
  const [policy] = await courses.listCoursePolicies({ product_id: grant.product_id })
  return refundDecision({
    policy: policy ?? DEFAULT_POLICY,
    grantedAt: grant.granted_at as any,
    consumptionPct: grant.consumption_pct ?? 0,
    now,
  })
}

/** The guard facts the COURSE process's `within_refund_window` reads. */
export async function courseRefundGuardFacts(container: MedusaContainer, lineId: string): Promise<GuardFacts> {
  const now = new Date()
  const decision = await courseRefundDecision(container, lineId, now)
  return { refundWindowEndsAt: refundGuardWindowEnd(decision, now) }
}
