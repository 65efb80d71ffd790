import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MAX_INTERVAL_SECONDS, MAX_INTERVALS_PER_HEARTBEAT } from "../../../../../../../lib/course-access/consumption"
import { judgeGrant } from "../../../../../../../lib/course-access/signing"
import { SnailError } from "../../../../../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../../../../../modules/order-lines"
import type OrderLinesModuleService from "../../../../../../../modules/order-lines/service"
import { recordProgressAndConsume } from "../../../../../../../workflows/course-access/record-lesson-progress"
import { buyersGrant, refundStatus } from "../../../../../../course-access/buyer"
import type { LessonProgressBodyType } from "../../../../../../course-access/validators"

/**
 * The player's heartbeat (docs/course-access.md, "Consumption"): the media intervals it played since
 * the last one. The server merges them into the lesson's watched set, so consumption is unique
 * watched seconds ÷ total seconds; at COURSE_CONSUMED_PERCENT the line moves to CONSUMED.
 */
export const POST = async (req: AuthenticatedMedusaRequest<LessonProgressBodyType>, res: MedusaResponse) => {
  const grant = await buyersGrant(req.scope, req.params.grant_id, req.auth_context.actor_id)
  const judged = judgeGrant(grant as any, { requesterCustomerId: req.auth_context.actor_id })
  if (!judged.ok) throw new SnailError(403, judged.code, judged.message)
  const { intervals, position_seconds } = req.validatedBody
  checkPlausible(intervals)
  const result = await recordProgressAndConsume(req.scope, { grant_id: grant.id, lesson_id: req.params.lesson_id, intervals, position_seconds })

  const [fresh, [line]] = await Promise.all([
    buyersGrant(req.scope, grant.id, req.auth_context.actor_id),
    (req.scope.resolve(ORDER_LINES_MODULE) as OrderLinesModuleService).listOrderLines({ id: grant.order_line_id }),
  ])
  const { refund } = await refundStatus(req.scope, fresh, line?.state ?? null)
  const { id, watched_seconds, duration_seconds, position_seconds: position, completed } = result.lesson
  res.json({
    lesson: { id, watched_seconds, duration_seconds, position_seconds: position, completed },
    course: {
      id: fresh.id,
      consumed_percent: fresh.consumption_pct ?? 0,
      line_state: line?.state ?? null,
      refundable: refund.allowed,
      refund_reason_code: refund.allowed ? null : refund.code,
      refund_reason: refund.allowed ? null : refund.message,
    },
  })
}

/** What a real player can have played between two heartbeats; anything else is a bug or a forgery. */
function checkPlausible(intervals: [number, number][]) {
  if (intervals.length > MAX_INTERVALS_PER_HEARTBEAT) {
    throw new SnailError(400, "COURSE_PROGRESS_TOO_MANY_INTERVALS", `At most ${MAX_INTERVALS_PER_HEARTBEAT} intervals per heartbeat`, "intervals")
  }
  intervals.forEach(([from, to], i) => {
    if (!(from < to)) throw new SnailError(400, "COURSE_PROGRESS_INTERVAL_INVALID", `Interval ${i} ends before it starts`, `intervals.${i}`)
    if (to - from > MAX_INTERVAL_SECONDS) {
      throw new SnailError(400, "COURSE_PROGRESS_INTERVAL_TOO_LONG", `Interval ${i} is longer than ${MAX_INTERVAL_SECONDS} s`, `intervals.${i}`)
    }
  })
}
