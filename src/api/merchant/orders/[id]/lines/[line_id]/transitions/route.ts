import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { transitionOrderLineWorkflow } from "../../../../../../../workflows/order-lines/transition-order-line"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import type { LineTransitionBodyType } from "../../../../../../order-lines/validators"
import type { MerchantRequest } from "../../../../../context"

export const POST = async (req: MerchantRequest<LineTransitionBodyType>, res: MedusaResponse) => {
  const merchantId = req.merchantContext.merchant.id
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id, merchantId)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  await transitionOrderLineWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, line_id: line.id, actor_type: "merchant", actor_id: req.merchantContext.merchant_user.id },
  })
  const lines = await presentOrderLines(req.scope, req.params.id, "merchant", merchantId)
  res.json({ line: lines.find((l) => l.id === line.id) })
}
