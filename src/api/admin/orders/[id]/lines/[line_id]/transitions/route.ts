import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { transitionOrderLineWorkflow } from "../../../../../../../workflows/order-lines/transition-order-line"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import type { LineTransitionBodyType } from "../../../../../../order-lines/validators"

export const POST = async (req: AuthenticatedMedusaRequest<LineTransitionBodyType>, res: MedusaResponse) => {
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  await transitionOrderLineWorkflow(req.scope).run({
    input: { ...req.validatedBody, line_id: line.id, actor_type: "operator", actor_id: req.auth_context.actor_id },
  })
  const lines = await presentOrderLines(req.scope, req.params.id, "operator")
  res.json({ line: lines.find((l) => l.id === line.id) })
}
