import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../../../modules/order-lines"
import type OrderLinesModuleService from "../../../../../modules/order-lines/service"
import { courseRefundDecision } from "../../../../../workflows/course-access/refund-facts"
import { transitionOrderLineWorkflow } from "../../../../../workflows/order-lines/transition-order-line"
import { buyersGrant, presentGrant } from "../../../../course-access/buyer"
import type { CourseRefundBodyType } from "../../../../course-access/validators"

/**
 * The buyer asks for a refund: refused with 422 and the rule's code (window closed, consumption
 * reached) when the policy says no; otherwise the line moves to REFUNDED, which revokes the grant
 * and refunds what was captured.
 */
export const POST = async (req: AuthenticatedMedusaRequest<CourseRefundBodyType>, res: MedusaResponse) => {
  const grant = await buyersGrant(req.scope, req.params.grant_id, req.auth_context.actor_id)
  const lines: OrderLinesModuleService = req.scope.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: grant.order_line_id })
  if (!line || !["PAID", "ACCESS_GRANTED"].includes(line.state) || grant.status !== "ACTIVE") {
    throw new SnailError(422, "COURSE_REFUND_NOT_POSSIBLE", `The course line is ${line?.state ?? "gone"} and its access ${grant.status}`)
  }
  const decision = await courseRefundDecision(req.scope, line.id)
  if (!decision.allowed) throw new SnailError(422, decision.code, decision.message)
  await transitionOrderLineWorkflow(req.scope).run({
    input: { line_id: line.id, to: "REFUNDED", actor_type: "buyer", actor_id: req.auth_context.actor_id, reason: req.validatedBody?.reason || "buyer refund request" },
  })
  const fresh = await buyersGrant(req.scope, grant.id, req.auth_context.actor_id)
  res.json({ course: await presentGrant(req.scope, fresh, req.locale) })
}
