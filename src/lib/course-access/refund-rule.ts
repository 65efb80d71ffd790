/**
 * The course refund rule (docs/course-access.md): a buyer may ask for a refund while BOTH hold
 *   - the refund window is open: now < granted_at + refund_days (the end instant itself is closed), and
 *   - consumption is below the threshold: consumption_pct < consumption_threshold_pct (reaching it closes).
 * A line that was never granted (still PAID) has consumed nothing and is refundable.
 */
export type RefundPolicy = { refund_days: number; consumption_threshold_pct: number }
export type RefundRefusalCode = "COURSE_REFUND_WINDOW_CLOSED" | "COURSE_REFUND_CONSUMPTION_EXCEEDED"
export type RefundDecision =
  | { allowed: true; window_ends_at: Date | null }
  | { allowed: false; code: RefundRefusalCode; message: string; window_ends_at: Date | null }

const DAY_MS = 24 * 60 * 60 * 1000

export function refundWindowEnd(policy: RefundPolicy, grantedAt: Date | string): Date {
  return new Date(new Date(grantedAt).getTime() + Math.max(0, policy.refund_days) * DAY_MS)
}

export function refundDecision(input: {
  policy: RefundPolicy
  grantedAt: Date | string | null
  consumptionPct: number
  now?: Date
}): RefundDecision {
  const now = (input.now ?? new Date()).getTime()
  if (!input.grantedAt) return { allowed: true, window_ends_at: null }
  const end = refundWindowEnd(input.policy, input.grantedAt)
  if (now >= end.getTime()) {
    return { allowed: false, code: "COURSE_REFUND_WINDOW_CLOSED", window_ends_at: end,
      message: `The refund window of ${input.policy.refund_days} days ended on ${end.toISOString()}.` }
  }
  if (input.consumptionPct >= input.policy.consumption_threshold_pct) {
    return { allowed: false, code: "COURSE_REFUND_CONSUMPTION_EXCEEDED", window_ends_at: end,
      message: `${input.consumptionPct}% of the course was consumed; refunds end at ${input.policy.consumption_threshold_pct}%.` }
  }
  return { allowed: true, window_ends_at: end }
}

/**
 * The `refundWindowEndsAt` fact for the line process's `within_refund_window` guard (end > now
 * passes): the real end while the rule allows a refund, and a closed window (now) once either
 * condition fails — so the generic transition route can never bypass the rule.
 */
export function refundGuardWindowEnd(decision: RefundDecision, now: Date = new Date()): Date | null {
  if (decision.allowed) return decision.window_ends_at
  return now
}

/** When a grant's access ends: granted_at + access_days, or never (lifetime) when access_days is null. */
export function accessEnd(accessDays: number | null | undefined, grantedAt: Date): Date | null {
  if (accessDays === null || accessDays === undefined) return null
  return new Date(grantedAt.getTime() + accessDays * DAY_MS)
}
