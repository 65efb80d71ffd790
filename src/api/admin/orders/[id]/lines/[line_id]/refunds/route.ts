import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { idempotencyKeyOf } from "../../../../../../idempotency/middleware"
import { refundOrderLineWorkflow } from "../../../../../../../workflows/order-lines/refund-order-line"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import type { LineRefundBodyType } from "../../../../../../order-lines/validators"
import { assertRefundAmount } from "../../../../../../order-lines/refund-amount"

export const POST = async (req: AuthenticatedMedusaRequest<LineRefundBodyType>, res: MedusaResponse) => {
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  assertRefundAmount(req.validatedBody?.amount, line.currency_code)
  // A retry with the same X-Idempotency-Key after an unconfirmed (503) refund returns that refund, never a second one.
  const key = idempotencyKeyOf(req)
  const { result } = await refundOrderLineWorkflow(req.scope).run({
    input: { ...req.validatedBody, line_id: line.id, actor_type: "operator", actor_id: req.auth_context.actor_id, request_key: key ? `operator:${req.auth_context.actor_id}:${key}` : null },
  })
  const lines = await presentOrderLines(req.scope, req.params.id, "operator")
  res.json({ refunded_minor: result.refunded, line: lines.find((l) => l.id === line.id) })
}
