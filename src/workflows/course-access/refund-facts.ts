import type { MedusaContainer } from "@medusajs/framework/types"
import { refundDecision, refundGuardWindowEnd, type RefundDecision } from "../../lib/course-access/refund-rule"
import type { GuardFacts } from "../../lib/line-process/types"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { DEFAULT_POLICY, refundThresholdPercent } from "./config"

/** The course refund rule for one order line, from its grant, the product's policy and the progress. */
export async function courseRefundDecision(container: MedusaContainer, lineId: string, now = new Date()): Promise<RefundDecision> {
  const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
  const [grant] = await courses.listCourseGrants({ order_line_id: lineId })
  if (!grant) return refundDecision({ policy: { refund_days: DEFAULT_POLICY.refund_days, consumption_threshold_pct: refundThresholdPercent(null) }, grantedAt: null, consumptionPct: 0, now })
  const [found] = await courses.listCoursePolicies({ product_id: grant.product_id })
  const policy = found ?? DEFAULT_POLICY
  // consumption_pct is Σ unique watched seconds ÷ Σ lesson seconds (record-lesson-progress), never lowered.
  return refundDecision({
    policy: { refund_days: policy.refund_days, consumption_threshold_pct: refundThresholdPercent(policy) },
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
