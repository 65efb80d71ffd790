import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { openDisputeWorkflow } from "../../../../../../../workflows/marketplace-money/disputes"
import { getDispute, listDisputes } from "../../../../../../money/disputes"
import { findOrderLine } from "../../../../../../order-lines/present"
import { buyerMovingOrder, buyerOnOrder } from "../../../../../buyer-orders"

async function lineOf(req: AuthenticatedMedusaRequest<any>) {
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  return line
}

/**
 * The line's disputes with their messages, for its buyer: signed in, or a guest with the order's signed
 * link (`?token=`). Only this order's disputes, whoever else shares the guest's e-mail.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const buyer = await buyerOnOrder(req, req.params.id)
  const line = await lineOf(req)
  if (!buyer.customer_id) return res.json({ disputes: [], count: 0 })
  const viewer = { type: "buyer" as const, customer_id: buyer.customer_id, order_id: req.params.id }
  const { disputes } = await listDisputes(req.scope, viewer, { order_line_id: line.id, limit: 50 })
  const detailed: unknown[] = []
  for (const d of disputes) detailed.push(await getDispute(req.scope, viewer, d.id))
  res.json({ disputes: detailed, count: detailed.length })
}

/** The buyer (signed in, or a guest with the order's link) reports a problem on a paid line: opens a dispute. */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason: string; message: string }>, res: MedusaResponse) => {
  const buyer = await buyerMovingOrder(req, req.params.id)
  const { result } = await openDisputeWorkflow(req.scope).run({
    input: { order_id: req.params.id, order_line_id: req.params.line_id, customer_id: buyer.customer_id, ...req.validatedBody },
  })
  res.status(201).json({ dispute: await getDispute(req.scope, { type: "buyer", customer_id: buyer.customer_id, order_id: req.params.id }, result.id) })
}
