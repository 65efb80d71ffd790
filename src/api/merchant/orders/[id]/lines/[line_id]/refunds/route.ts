import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../../lib/snail-error"
import { idempotencyKeyOf } from "../../../../../../idempotency/middleware"
import { refundOrderLineWorkflow } from "../../../../../../../workflows/order-lines/refund-order-line"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import type { LineRefundBodyType } from "../../../../../../order-lines/validators"
import { assertRefundAmount } from "../../../../../../order-lines/refund-amount"
import type { MerchantRequest } from "../../../../../context"

/** Merchant staff refund (part of) their own line, optionally restocking it. */
export const POST = async (req: MerchantRequest<LineRefundBodyType>, res: MedusaResponse) => {
  const merchantId = req.merchantContext.merchant.id
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id, merchantId)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  assertRefundAmount((req as any).validatedBody?.amount, line.currency_code)
  // A retry with the same X-Idempotency-Key after an unconfirmed (503) refund returns that refund, never a second one.
  const key = idempotencyKeyOf(req)
  const { result } = await refundOrderLineWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, line_id: line.id, actor_type: "merchant", actor_id: req.merchantContext.merchant_user.id, request_key: key ? `merchant:${req.merchantContext.merchant_user.id}:${key}` : null },
  })
  const lines = await presentOrderLines(req.scope, req.params.id, "merchant", merchantId)
  res.json({ refunded_minor: result.refunded, line: lines.find((l) => l.id === line.id) })
}
