import { percentOf } from "../money"

const HOUR = 3_600_000

export type CancelPolicy = { free_cancel_hours: number; cancel_fee_bps: number }
export type ReschedulePolicy = { reschedule_until_hours: number; max_reschedules: number }

export type CancelDecision =
  | { allowed: true; free: boolean; fee_minor: number; refund_minor: number }
  | { allowed: false; code: "BOOKING_ALREADY_STARTED"; message: string }

/**
 * Cancellation by the buyer: free while at least `free_cancel_hours` remain before the start
 * (the exact boundary is still free), then a fee of `cancel_fee_bps` of what was paid for the
 * line, refund = paid − fee; from the start on, no cancellation.
 */
export function decideCancel(policy: CancelPolicy, input: { start_at: Date; now: Date; paid_minor: number }): CancelDecision {
  const left = input.start_at.getTime() - input.now.getTime()
  if (left <= 0) return { allowed: false, code: "BOOKING_ALREADY_STARTED", message: "The booking has started: it can no longer be cancelled" }
  if (left >= policy.free_cancel_hours * HOUR) return { allowed: true, free: true, fee_minor: 0, refund_minor: input.paid_minor }
  const fee = Math.min(input.paid_minor, percentOf(input.paid_minor, policy.cancel_fee_bps))
  return { allowed: true, free: fee === 0, fee_minor: fee, refund_minor: input.paid_minor - fee }
}

export type RescheduleDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; code: "RESCHEDULE_WINDOW_CLOSED" | "RESCHEDULE_LIMIT_REACHED"; message: string }

/** Reschedule while at least `reschedule_until_hours` remain (boundary included), at most `max_reschedules` times. */
export function decideReschedule(policy: ReschedulePolicy, input: { start_at: Date; now: Date; reschedule_count: number }): RescheduleDecision {
  if (input.reschedule_count >= policy.max_reschedules) {
    return { allowed: false, code: "RESCHEDULE_LIMIT_REACHED", message: `This booking was already rescheduled ${input.reschedule_count} time(s) (at most ${policy.max_reschedules})` }
  }
  const left = input.start_at.getTime() - input.now.getTime()
  if (left < policy.reschedule_until_hours * HOUR) {
    return { allowed: false, code: "RESCHEDULE_WINDOW_CLOSED", message: `Rescheduling closes ${policy.reschedule_until_hours} h before the start` }
  }
  return { allowed: true, remaining: policy.max_reschedules - input.reschedule_count - 1 }
}
