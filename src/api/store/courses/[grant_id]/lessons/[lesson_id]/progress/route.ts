import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { judgeGrant } from "../../../../../../../lib/course-access/signing"
import { SnailError } from "../../../../../../../lib/snail-error"
import { recordProgressAndConsume } from "../../../../../../../workflows/course-access/record-lesson-progress"
import { buyersGrant, presentGrant } from "../../../../../../course-access/buyer"
import type { LessonProgressBodyType } from "../../../../../../course-access/validators"

/** The buyer's player/downloader reports progress in a lesson; 100 % of the course consumes the line. */
export const POST = async (req: AuthenticatedMedusaRequest<LessonProgressBodyType>, res: MedusaResponse) => {
  const grant = await buyersGrant(req.scope, req.params.grant_id, req.auth_context.actor_id)
  const judged = judgeGrant(grant as any, { requesterCustomerId: req.auth_context.actor_id })
  if (!judged.ok) throw new SnailError(403, judged.code, judged.message)
  const { percent, position_seconds } = req.validatedBody
  await recordProgressAndConsume(req.scope, { grant_id: grant.id, lesson_id: req.params.lesson_id, percent, position_seconds })
  const fresh = await buyersGrant(req.scope, grant.id, req.auth_context.actor_id)
  res.json({ course: await presentGrant(req.scope, fresh) })
}
